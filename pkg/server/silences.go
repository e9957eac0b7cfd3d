package server

import (
	"encoding/json"
	"net/http"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// silenceRoutes serves the silence API on the loopback listener:
// GET /api/v1/silences, POST /api/v1/silences, DELETE /api/v1/silences/{id}.
// A silence of every alert says so with "all": true.
func silenceRoutes(mux *http.ServeMux, o Options) {
	b := o.Backend
	mux.HandleFunc("GET /api/v1/silences", func(w http.ResponseWriter, _ *http.Request) {
		list := b.Silences()
		if list == nil {
			list = []alert.Silence{}
		}
		writeJSON(w, http.StatusOK, list)
	})
	mux.HandleFunc("POST /api/v1/silences", guard(o, true, func(w http.ResponseWriter, r *http.Request) {
		var s alert.Silence
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid silence: " + err.Error()})
			return
		}
		out, err := b.AddSilence(s)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		writeJSON(w, http.StatusCreated, out)
	}))
	mux.HandleFunc("DELETE /api/v1/silences/{id}", guard(o, false, func(w http.ResponseWriter, r *http.Request) {
		if err := b.ExpireSilence(r.PathValue("id")); err != nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "expired"})
	}))
}
