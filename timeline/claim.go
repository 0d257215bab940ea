package timeline

import "strings"

// Claim is a statement reported by a source that the data can check. The
// first kind is an ordinal: "11th trip to the region since 7 October 2023",
// tied to a trip and a counter, with the stated number.
type Claim struct {
	ID        int64
	TripID    int64
	CounterID int64
	Stated    int
	Text      string // the claim's words as reported
	Status    Status
}

// Validate checks the claim's fields.
func (c *Claim) Validate() error {
	fe := FieldErrors{}
	c.Text = strings.TrimSpace(c.Text)
	if c.TripID == 0 {
		fe.Add("trip", "A claim is about a trip.")
	}
	if c.CounterID == 0 {
		fe.Add("counter", "A claim is checked by a counter.")
	}
	if c.Stated < 1 || c.Stated > 100000 {
		fe.Add("stated", "The stated number is a whole number from 1.")
	}
	if c.Text == "" {
		fe.Add("text", "A claim needs the words it was made in.")
	}
	if c.Status == "" {
		c.Status = Published
	}
	return fe.Err()
}

// Verdict is the outcome of checking a claim.
type Verdict string

// The outcomes: the computed number equals the stated one, differs from it,
// or the counter does not number the trip at all (so the claim cannot hold
// under that counter).
const (
	Confirmed    Verdict = "confirmed"
	Contradicted Verdict = "contradicted"
	NotCounted   Verdict = "not counted"
)

// Check is a claim beside its computation.
type Check struct {
	Stated   int
	Computed int // 0 when the counter does not number the trip
	Verdict  Verdict
}

// CheckClaim compares a claim's stated number with the ordinal the
// counter's numbering gives its trip. It never hides a disagreement: a trip
// the counter does not number contradicts the claim.
func CheckClaim(c Claim, n Numbering) Check {
	ch := Check{Stated: c.Stated}
	items := n.ForTrip(c.TripID)
	if len(items) == 0 {
		ch.Verdict = NotCounted
		return ch
	}
	ch.Computed = items[0].Ordinal
	if ch.Computed == c.Stated {
		ch.Verdict = Confirmed
	} else {
		ch.Verdict = Contradicted
	}
	return ch
}

// Summary writes the check for a reader: "confirmed", "contradicted: stated
// 11, computed 10", "not counted: stated 11, the counter does not number
// this trip".
func (ch Check) Summary() string {
	switch ch.Verdict {
	case Confirmed:
		return "confirmed"
	case Contradicted:
		return "contradicted: stated " + Ordinal(ch.Stated) + ", computed " + Ordinal(ch.Computed)
	}
	return "not counted: stated " + Ordinal(ch.Stated) + ", but the counter does not number this trip"
}
