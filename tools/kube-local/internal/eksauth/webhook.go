package eksauth

import (
	"encoding/json"
	"log"
	"net/http"

	authenticationv1 "k8s.io/api/authentication/v1"
)

// Handler answers the API server's TokenReview webhook calls (POST, authentication.k8s.io/v1).
func Handler(verifier *Verifier, mapping Mapping, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST a TokenReview", http.StatusMethodNotAllowed)
			return
		}
		var review authenticationv1.TokenReview
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&review); err != nil {
			http.Error(w, "not a TokenReview: "+err.Error(), http.StatusBadRequest)
			return
		}
		status := authenticationv1.TokenReviewStatus{}
		identity, err := verifier.Verify(r.Context(), review.Spec.Token)
		var user *User
		if err == nil {
			user, err = mapping.Map(identity)
		}
		if err != nil {
			// The reason goes to the log and the review's error; the token itself is a credential and goes nowhere.
			logger.Printf("token refused: %v", err)
			status.Error = err.Error()
		} else {
			logger.Printf("token accepted: %s as %s %v", identity.ARN, user.Username, user.Groups)
			extra := map[string]authenticationv1.ExtraValue{}
			for key, values := range user.Extra {
				extra[key] = values
			}
			status.Authenticated = true
			status.User = authenticationv1.UserInfo{Username: user.Username, UID: user.UID, Groups: user.Groups, Extra: extra}
		}
		review.Spec = authenticationv1.TokenReviewSpec{}
		review.Status = status
		if review.APIVersion == "" {
			review.APIVersion = "authentication.k8s.io/v1"
			review.Kind = "TokenReview"
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(&review)
	})
}
