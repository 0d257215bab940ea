package timeline

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Source is an article or document that reports facts.
type Source struct {
	ID         int64
	URL        string // canonical
	Title      string
	Publisher  string
	Author     string
	Published  Date
	ArchiveURL string
	Notes      string
}

// Validate canonicalises the URLs and checks the fields.
func (s *Source) Validate() error {
	fe := FieldErrors{}
	u, err := CanonicalURL(s.URL)
	if err != nil {
		fe.Add("url", err.Error())
	}
	s.URL = u
	if strings.TrimSpace(s.ArchiveURL) != "" {
		a, err := CanonicalURL(s.ArchiveURL)
		if err != nil {
			fe.Add("archive_url", err.Error())
		}
		s.ArchiveURL = a
	}
	s.Title = NormalizeSpace(s.Title)
	if s.Title == "" {
		fe.Add("title", "A source needs a title.")
	}
	s.Publisher = NormalizeSpace(s.Publisher)
	s.Author = NormalizeSpace(s.Author)
	s.Notes = strings.TrimSpace(s.Notes)
	return fe.Err()
}

// Citation links a source to one fact, with the passage that supports it.
type Citation struct {
	ID          int64
	SourceID    int64
	SubjectKind Kind
	SubjectID   int64
	Passage     string
	Source      Source // filled when read with its source
}

// trackingParams are the query parameters that say how a reader reached an
// article, never which article it is; CanonicalURL drops them (and every
// utm_* one), so that a link shared from a newsletter or a social site is
// the same source as the article's own address.
var trackingParams = map[string]string{
	"ref":         "the page or site a link was followed from (?ref=home, ?ref=twitter)",
	"ref_src":     "Twitter's referral tag",
	"fbclid":      "Facebook's click id",
	"gclid":       "Google Ads' click id",
	"dclid":       "Google Display's click id",
	"msclkid":     "Microsoft Advertising's click id",
	"twclid":      "Twitter's click id",
	"igshid":      "Instagram's share id",
	"mc_cid":      "Mailchimp's campaign id",
	"mc_eid":      "Mailchimp's subscriber id",
	"ocid":        "Microsoft's (MSN) campaign id",
	"cmpid":       "a campaign id used by many publishers (Washington Post, Guardian)",
	"cmp":         "a campaign id (BBC and others)",
	"smid":        "the New York Times' social share id",
	"smtyp":       "the New York Times' social share type",
	"taid":        "the Washington Post's tracking id",
	"ito":         "the BBC's internal tracking origin",
	"at_medium":   "AT Internet's campaign medium",
	"at_campaign": "AT Internet's campaign",
	"_ga":         "Google Analytics' cross-site id",
	"_hsenc":      "HubSpot's email tracking",
	"_hsmi":       "HubSpot's email id",
	"mkt_tok":     "Marketo's email token",
	"yclid":       "Yandex's click id",
	"s_cid":       "Adobe Analytics' campaign id",
	"wt.mc_id":    "Webtrends' campaign id",
	"share":       "a share marker (?share=1)",
}

// isTracking says whether a query parameter only tracks the reader.
func isTracking(k string) bool {
	k = strings.ToLower(k)
	_, ok := trackingParams[k]
	return ok || strings.HasPrefix(k, "utm_")
}

// CanonicalURL returns the form under which a source URL is stored, so the
// same article is one source: only http and https; scheme and host in lower
// case; the default port, the fragment, tracking parameters
// (trackingParams, utm_*) and a trailing "?" removed; remaining query
// parameters sorted. It refuses anything else with a message for the
// person who typed it.
func CanonicalURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", &Error{Code: EInvalid, Field: "url", Message: "A URL is required."}
	}
	if len(raw) > 2048 {
		return "", &Error{Code: EInvalid, Field: "url", Message: "A URL is at most 2,048 characters."}
	}
	if !utf8.ValidString(raw) {
		return "", &Error{Code: EInvalid, Field: "url", Message: "A URL must be valid text (UTF-8)."}
	}
	for _, r := range raw {
		if r < 0x21 || r == 0x7f {
			return "", &Error{Code: EInvalid, Field: "url", Message: "A URL cannot contain spaces or control characters."}
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", &Error{Code: EInvalid, Field: "url", Message: "This is not a URL."}
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", &Error{Code: EInvalid, Field: "url", Message: "A source URL must start with http:// or https://."}
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return "", &Error{Code: EInvalid, Field: "url", Message: "A URL needs a host, such as https://example.org/article."}
	}
	if u.User != nil {
		return "", &Error{Code: EInvalid, Field: "url", Message: "A source URL must not carry a user name or password."}
	}
	host := strings.ToLower(u.Hostname())
	for i := 0; i < len(host); i++ {
		if host[i] >= 0x80 {
			return "", &Error{Code: EInvalid, Field: "url", Message: "Write the URL's host in its ASCII form (xn--…), as the browser's address bar shows it when copied."}
		}
	}
	port := u.Port()
	if n, err := strconv.Atoi(port); port != "" && (err != nil || n < 1 || n > 65535) {
		return "", &Error{Code: EInvalid, Field: "url", Message: "The URL's port is not a number from 1 to 65535."}
	}
	port = strings.TrimLeft(port, "0")
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			return "", &Error{Code: EInvalid, Field: "url", Message: "The URL's query string is malformed."}
		}
		for k := range q {
			if isTracking(k) {
				delete(q, k)
			}
		}
		u.RawQuery = encodeSorted(q)
	}
	u.ForceQuery = false
	if u.Path == "" {
		u.Path = "/"
	}
	out := u.String()
	if len(out) > 2048 {
		return "", &Error{Code: EInvalid, Field: "url", Message: "A URL is at most 2,048 characters."}
	}
	return out, nil
}

func encodeSorted(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}
