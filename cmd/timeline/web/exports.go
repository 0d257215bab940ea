package web

import (
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views/export"
)

// stream serves an export of the view in the request's query: the same
// filters as the timeline, every entry. The export is first written to a
// temporary file at the database's pace, so that a slow or stalled client
// never holds a database connection; the file is then sent in chunks, each
// under a deadline, so a client that stops reading is cut off within
// seconds. Exports are capped in all and per client (503 beyond). A
// failure while writing the file is an error page: nothing was sent.
func (a *Server) stream(contentType, filename string, write export.Writer) func(http.ResponseWriter, *http.Request) error {
	disposition := "inline"
	if strings.HasSuffix(filename, ".csv") || strings.HasSuffix(filename, ".zip") {
		disposition = "attachment"
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := timeline.ParseFilter(r.URL.Query())
		if err != nil {
			return err
		}
		release, ok := a.exportSlots.try(a.clientAddr(r))
		if !ok {
			return errBusy("Too many exports are being made (at most %d at once, %d per address).", a.limits.Exports, a.limits.ExportsPerClient)
		}
		spool, err := os.CreateTemp("", "timeline-export-*")
		if err != nil {
			release()
			return err
		}
		defer os.Remove(spool.Name())
		defer spool.Close()
		// The slot is given back first, as soon as the last byte is sent:
		// closing and removing the spool can wait on a disk busy with
		// writers' syncs, and a client that has its whole file may already
		// be asking for the next.
		defer release()
		if err := write(r.Context(), a.store, f, a.base, spool, func() {}); err != nil {
			return err
		}
		size, err := spool.Seek(0, io.SeekCurrent)
		if err != nil {
			return err
		}
		if _, err := spool.Seek(0, io.SeekStart); err != nil {
			return err
		}
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Content-Disposition", disposition+`; filename="`+filename+`"`)
		h.Set("Content-Length", strconv.FormatInt(size, 10))
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodHead {
			return nil
		}
		if err := a.sendChunked(w, spool); err != nil {
			a.log.Info("export cut off", "export", filename, "err", err)
			panic(http.ErrAbortHandler) // the client has a short file: tell it so
		}
		return nil
	}
}

// exportChunk is how much of an export is written under one deadline.
const exportChunk = 256 << 10

// sendChunked copies src to the client chunk by chunk, each under the
// chunk deadline.
func (a *Server) sendChunked(w http.ResponseWriter, src io.Reader) error {
	rc := http.NewResponseController(w)
	buf := make([]byte, exportChunk)
	for {
		n, rerr := io.ReadFull(src, buf)
		if n > 0 {
			if err := rc.SetWriteDeadline(time.Now().Add(a.limits.ChunkTimeout)); err != nil {
				return err
			}
			if _, err := w.Write(buf[:n]); err != nil {
				return err
			}
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			return rc.SetWriteDeadline(time.Time{})
		}
		if rerr != nil {
			return rerr
		}
	}
}
