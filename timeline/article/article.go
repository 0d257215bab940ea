// Package article reads a news article (saved HTML or plain text) into
// what a curator enters from it: the source's metadata, its text cut into
// sentences, and the facts its sentences propose, each with the passage it
// comes from. It reads only what it is given: nothing is fetched, and
// nothing leaves the machine. Proposals are never facts by themselves: a
// curator confirms them.
package article

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/diplomatic-travel/tracker/timeline"
)

// MaxBytes is the largest article read: a long report is a few hundred
// kilobytes of HTML.
const MaxBytes = 4 << 20

// Article is an article as read: the source's metadata and the body.
type Article struct {
	URL, Title, Publisher, Author string
	Published                     timeline.Date
	// Archive is an archived copy's address, when the page gives one.
	Archive string
	// Paragraphs are the body's, in order, each its sentences.
	Paragraphs [][]string
}

// Sentences are the body's sentences, in order.
func (a Article) Sentences() []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, p...)
	}
	return out
}

// Read reads an article from r: HTML when it looks like markup, plain text
// otherwise. It refuses, with a message for the person who gave it, what
// is empty, larger than MaxBytes, or not text.
func Read(r io.Reader) (Article, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Article{}, err
	}
	switch {
	case len(b) > MaxBytes:
		return Article{}, timeline.Errorf(timeline.ETooLarge, "The article is larger than %d MB; give its text, or the page saved without its pictures.", MaxBytes>>20)
	case bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b):
		return Article{}, timeline.Errorf(timeline.EInvalid, "This is not text: give the article as saved HTML or as plain text (UTF-8).")
	case len(bytes.TrimSpace(b)) == 0:
		return Article{}, timeline.Errorf(timeline.EInvalid, "The article is empty.")
	}
	var a Article
	if looksLikeHTML(b) {
		a, err = readHTML(b)
		if err != nil {
			return Article{}, err
		}
	} else {
		paras := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n")
		// A text that begins with a short line of its own, not a sentence,
		// begins with its headline.
		if head := strings.TrimSpace(paras[0]); len(paras) > 1 && head != "" && len(head) <= 150 && !strings.Contains(head, "\n") && !strings.ContainsAny(head[len(head)-1:], ".?!\"”") {
			a.Title, paras = head, paras[1:]
		}
		for _, p := range paras {
			if s := Sentences(p); len(s) > 0 {
				a.Paragraphs = append(a.Paragraphs, s)
			}
		}
	}
	if len(a.Paragraphs) == 0 {
		return Article{}, timeline.Errorf(timeline.EInvalid, "The article has no text to read.")
	}
	return a, nil
}

// looksLikeHTML says whether the bytes begin as markup does.
func looksLikeHTML(b []byte) bool {
	head := strings.ToLower(string(bytes.TrimSpace(b[:min(len(b), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<head") || strings.HasPrefix(head, "<body") || strings.HasPrefix(head, "<article") || strings.HasPrefix(head, "<p")
}

// skipped are the elements whose text is never the article's.
var skipped = map[string]bool{"script": true, "style": true, "noscript": true, "nav": true, "header": true,
	"footer": true, "aside": true, "form": true, "figure": true, "template": true, "svg": true}

// readHTML reads the metadata from the page's meta tags and JSON-LD, and
// the body from its paragraphs (those of its <article> when it has one).
func readHTML(b []byte) (Article, error) {
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Article{}, timeline.Errorf(timeline.EInvalid, "The page could not be read as HTML.")
	}
	var a Article
	meta := map[string]string{}
	var title string
	var ld []string
	var article *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				title = textOf(n)
			case "meta":
				key := attr(n, "property")
				if key == "" {
					key = attr(n, "name")
				}
				if key != "" && meta[strings.ToLower(key)] == "" {
					meta[strings.ToLower(key)] = strings.TrimSpace(attr(n, "content"))
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && meta["canonical"] == "" {
					meta["canonical"] = attr(n, "href")
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") {
					ld = append(ld, textOf(n))
				}
			case "article":
				if article == nil {
					article = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)

	a.Title = first(meta["og:title"], meta["twitter:title"], title)
	a.Publisher = first(meta["og:site_name"], meta["publisher"])
	a.Author = first(meta["author"], meta["article:author"])
	a.URL = first(meta["og:url"], meta["canonical"])
	published := first(meta["article:published_time"], meta["og:published_time"], meta["date"], meta["pubdate"])
	for _, doc := range ld {
		readLD(doc, &a, &published)
	}
	a.Published = isoDay(published)

	body := root
	if article != nil {
		body = article
	}
	var paras func(n *html.Node)
	paras = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipped[n.Data] {
				return
			}
			if n.Data == "p" || n.Data == "li" || n.Data == "blockquote" {
				if s := Sentences(textOf(n)); len(s) > 0 {
					a.Paragraphs = append(a.Paragraphs, s)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			paras(c)
		}
	}
	paras(body)
	return a, nil
}

// readLD takes what a schema.org NewsArticle (or Article) in JSON-LD says
// and the meta tags did not.
func readLD(doc string, a *Article, published *string) {
	var v any
	if json.Unmarshal([]byte(doc), &v) != nil {
		return
	}
	var items []map[string]any
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, y := range x {
				collect(y)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				collect(g)
			}
			items = append(items, x)
		}
	}
	collect(v)
	name := func(v any) string {
		switch x := v.(type) {
		case string:
			return x
		case map[string]any:
			s, _ := x["name"].(string)
			return s
		case []any:
			var names []string
			for _, y := range x {
				if s := nameOf(y); s != "" {
					names = append(names, s)
				}
			}
			return strings.Join(names, ", ")
		}
		return ""
	}
	for _, it := range items {
		t, _ := it["@type"].(string)
		if !strings.HasSuffix(t, "Article") && t != "Report" {
			continue
		}
		headline, _ := it["headline"].(string)
		date, _ := it["datePublished"].(string)
		url, _ := it["url"].(string)
		a.Title = first(a.Title, headline)
		a.Author = first(a.Author, name(it["author"]))
		a.Publisher = first(a.Publisher, name(it["publisher"]))
		a.URL = first(a.URL, url)
		*published = first(*published, date)
		if arch, ok := it["archivedAt"].(string); ok {
			a.Archive = first(a.Archive, arch)
		}
	}
}

func nameOf(v any) string {
	if m, ok := v.(map[string]any); ok {
		s, _ := m["name"].(string)
		return s
	}
	s, _ := v.(string)
	return s
}

// isoDay is the day a timestamp ("2024-10-24T09:30:00Z") begins with.
func isoDay(s string) timeline.Date {
	if len(s) >= 10 {
		if d, err := timeline.ParseDate(s[:10]); err == nil {
			return d
		}
	}
	return timeline.Date{}
}

func attr(n *html.Node, key string) string {
	for _, at := range n.Attr {
		if strings.EqualFold(at.Key, key) {
			return at.Val
		}
	}
	return ""
}

// textOf is a node's text, its spaces made single; the scripts and styles
// inside it are not text.
func textOf(root *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n != root && n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.Data == "br" {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return timeline.NormalizeSpace(b.String())
}

func first(xs ...string) string {
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
