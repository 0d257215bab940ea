package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// historyPath is the history page of any record.
func historyPath(kind timeline.Kind, id int64) string {
	if kind == timeline.KindTrip {
		return timeline.RecordPath(kind, id) + "/history"
	}
	return "/history/" + string(kind) + "/" + itoa(int(id))
}

// setDeleted deletes (once confirmed, delete.go) or restores a record of
// a soft-deletable kind. A deletion goes back to the trip or the desk with
// its undo; a restore to the trip, or to the record's history.
func (a *Server) setDeleted(kind timeline.Kind, deleted bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, string(kind))
		if err != nil {
			return err
		}
		path := timeline.RecordPath(kind, id)
		if deleted {
			if ok, err := a.confirmDelete(w, r, kind, id, "this "+kindName(kind), path); !ok || err != nil {
				return err
			}
		} else if err := parseForm(r); err != nil {
			return err
		}
		if err := a.store.SetDeleted(r.Context(), actor(r), kind, id, deleted, r.PostForm.Get("reason")); err != nil {
			return err
		}
		if deleted {
			return a.redirectWithUndo(w, r, a.afterDelete(r, kind, id),
				capital(kindName(kind))+" deleted. It is kept in its history.", path+"/restore")
		}
		back := historyPath(kind, id)
		if kind.Info().OnTrip {
			back = a.afterDelete(r, kind, id)
		}
		return a.redirectWithFlash(w, r, back, capital(kindName(kind))+" restored.")
	}
}

// history serves GET /history/{kind}/{id}: the changes of any record.
func (a *Server) history(w http.ResponseWriter, r *http.Request) error {
	kind := timeline.Kind(r.PathValue("kind"))
	id, err := pathID(r, string(kind))
	if err != nil {
		return err
	}
	if kind == timeline.KindTrip {
		http.Redirect(w, r, historyPath(kind, id), http.StatusMovedPermanently)
		return nil
	}
	revs, err := a.store.Revisions(r.Context(), kind, id)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		return timeline.Errorf(timeline.ENotFound, "No %s %d has a recorded change.", kind, id)
	}
	_, deleted, err := a.store.IsDeleted(r.Context(), kind, id)
	if err != nil {
		return err
	}
	slices.Reverse(revs)
	title, path := string(kind)+" "+itoa(int(id)), timeline.RecordPath(kind, id)
	if kind == timeline.KindPerson {
		slug, err := a.store.PersonSlugByID(r.Context(), id)
		if err != nil {
			return err
		}
		title, path = "person "+slug, "/people/"+slug
	}
	return render(w, r, http.StatusOK, views.History(views.HistoryPage{
		Site: a.site(w, r, "History of "+title), Kind: string(kind), RecordID: id, Title: title,
		Path: path, Deleted: deleted, Changes: a.changes(r.Context(), revs),
		Restorable: store.SoftDeletable(kind), Versions: store.Restorable(kind),
	}))
}

// restoreVersion serves POST /history/{kind}/{id}/revisions/{rev}/restore.
func (a *Server) restoreVersion(w http.ResponseWriter, r *http.Request) error {
	kind := timeline.Kind(r.PathValue("kind"))
	id, err := pathID(r, string(kind))
	if err != nil {
		return err
	}
	rev, err := strconv.ParseInt(r.PathValue("rev"), 10, 64)
	if err != nil {
		return timeline.Errorf(timeline.ENotFound, "There is no such version.")
	}
	if err := a.store.RestoreVersion(r.Context(), actor(r), kind, id, rev); err != nil {
		return err
	}
	msg := fmt.Sprintf("Restored the version of change %d.", rev)
	if kind.Info().Drafts {
		msg += " Whether it is published is unchanged."
	}
	return a.redirectWithFlash(w, r, historyPath(kind, id), msg)
}

// publish makes a draft meeting, event, goal, quote, claim or counter
// public and goes back to where it is shown: a fact of a trip to its place
// on the trip's page, the others to their own.
func (a *Server) publish(kind timeline.Kind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, string(kind))
		if err != nil {
			return err
		}
		if err := a.store.SetStatus(r.Context(), actor(r), kind, id, timeline.Published); err != nil {
			return err
		}
		back := timeline.RecordPath(kind, id)
		if kind.Info().OnTrip {
			if trip, err := a.store.TripOf(r.Context(), kind, id); err == nil {
				back = fmt.Sprintf("/trips/%d#%s-%d", trip, kind, id)
			}
		}
		return a.redirectWithFlash(w, r, back, capital(kindName(kind))+" published.")
	}
}

// factRedirect gives stops, goals, quotes and claims their permalinks: each
// leads to its place on its trip's page, where it is told in context. A
// fact of an unpublished trip is not found.
func (a *Server) factRedirect(kind timeline.Kind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, string(kind))
		if err != nil {
			return err
		}
		tripID, err := a.store.TripOf(r.Context(), kind, id)
		if err != nil {
			return err
		}
		if _, err := a.store.Trip(r.Context(), tripID, false); err != nil {
			return err
		}
		http.Redirect(w, r, timeline.RecordPath(timeline.KindTrip, tripID)+"#"+string(kind)+"-"+itoa(int(id)), http.StatusFound)
		return nil
	}
}

// changes turns revisions into the field-by-field view (diff.go).
func (a *Server) changes(ctx context.Context, revs []store.Revision) []views.Change {
	names := a.namer(ctx)
	out := make([]views.Change, 0, len(revs))
	for _, rv := range revs {
		c := views.Change{ID: rv.ID, At: rv.At, Actor: rv.Actor, Kind: string(rv.Kind), RecordID: rv.RecordID, Action: rv.Action, Reason: rv.Reason, Fields: diffFields(rv.Before, rv.After, names)}
		// A change links to its record's page, for the kinds whose
		// pages are by id (a person's is by slug, a region's by code).
		if rv.Kind != timeline.KindPerson && rv.Kind != timeline.KindRegion && rv.Kind.Info().Path != "" {
			c.Path = timeline.RecordPath(rv.Kind, rv.RecordID)
		} else if rv.Kind == timeline.KindCitation {
			c.Path = historyPath(rv.Kind, rv.RecordID)
		}
		if rv.Action == "update" && store.Restorable(rv.Kind) && len(c.Fields) > 0 {
			c.Undo = "/history/revisions/" + strconv.FormatInt(rv.ID, 10) + "/undo"
		}
		out = append(out, c)
	}
	return out
}

// undoChange serves POST /history/revisions/{rev}/undo: one change undone,
// alone, back on its record's history.
func (a *Server) undoChange(w http.ResponseWriter, r *http.Request) error {
	rev, err := strconv.ParseInt(r.PathValue("rev"), 10, 64)
	if err != nil {
		return timeline.Errorf(timeline.ENotFound, "There is no such change.")
	}
	kind, id, err := a.store.UndoRevision(r.Context(), actor(r), rev)
	if err != nil {
		return err
	}
	return a.redirectWithFlash(w, r, historyPath(kind, id), fmt.Sprintf("Change %d undone: the fields it changed are as they were before it.", rev))
}
