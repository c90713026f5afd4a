package eksauth

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

const callerXML = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
	`<Arn>arn:aws:sts::123456789012:assumed-role/gantry-deploy/run-42</Arn><UserId>AROAEXAMPLE:run-42</UserId>` +
	`<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`

var signedAt = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// token builds a token around a presigned URL; the signature itself is STS's business, not the verifier's.
func token(host string, edit func(url.Values)) string {
	query := url.Values{
		"Action": {"GetCallerIdentity"}, "Version": {"2011-06-15"}, "X-Amz-Algorithm": {"AWS4-HMAC-SHA256"},
		"X-Amz-Credential": {"ASIAEXAMPLE/20260102/us-east-1/sts/aws4_request"}, "X-Amz-Date": {"20260102T030405Z"},
		"X-Amz-Expires": {"60"}, "X-Amz-SignedHeaders": {"host;x-k8s-aws-id"}, "X-Amz-Signature": {"abc"},
	}
	if edit != nil {
		edit(query)
	}
	raw := "http://" + host + "/?" + query.Encode()
	return TokenPrefix + base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func stsServer(t *testing.T, status int, body string, seen *http.Header) *httptest.Server {
	t.Helper()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if seen != nil {
			*seen = r.Header.Clone()
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(server.Close)
	return server
}

func verifier(t *testing.T, endpoint string, now time.Time) *Verifier {
	t.Helper()
	v, err := NewVerifier("gantry-local", endpoint)
	if err != nil {
		t.Fatal(err)
	}
	v.now = func() time.Time { return now }
	return v
}

func TestVerifyExecutesTheURLWithTheClusterHeader(t *testing.T) {
	var seen http.Header
	server := stsServer(t, 200, callerXML, &seen)
	v := verifier(t, server.URL, signedAt.Add(30*time.Second))
	identity, err := v.Verify(context.Background(), token(strings.TrimPrefix(server.URL, "http://"), nil))
	if err != nil {
		t.Fatal(err)
	}
	if identity.CanonicalARN != "arn:aws:iam::123456789012:role/gantry-deploy" || identity.SessionName != "run-42" || identity.AccessKeyID != "ASIAEXAMPLE" {
		t.Fatalf("unexpected identity %+v", identity)
	}
	if seen.Get(ClusterIDHeader) != "gantry-local" {
		t.Fatalf("STS saw %s=%q", ClusterIDHeader, seen.Get(ClusterIDHeader))
	}
}

func TestVerifyRefuses(t *testing.T) {
	server := stsServer(t, 200, callerXML, nil)
	host := strings.TrimPrefix(server.URL, "http://")
	cases := map[string]struct {
		token string
		now   time.Time
		want  string
	}{
		"no prefix":          {"abc", signedAt, "prefix"},
		"not base64":         {TokenPrefix + "%%%", signedAt, "base64"},
		"other action":       {token(host, func(q url.Values) { q.Set("Action", "AssumeRole") }), signedAt, "GetCallerIdentity"},
		"unsigned cluster":   {token(host, func(q url.Values) { q.Set("X-Amz-SignedHeaders", "host") }), signedAt, "not signed"},
		"extra parameter":    {token(host, func(q url.Values) { q.Set("RoleArn", "x") }), signedAt, "unexpected query"},
		"expired":            {token(host, nil), signedAt.Add(61 * time.Second), "expired"},
		"capped lifetime":    {token(host, func(q url.Values) { q.Set("X-Amz-Expires", "86400") }), signedAt.Add(16 * time.Minute), "expired"},
		"from the future":    {token(host, nil), signedAt.Add(-time.Hour), "future"},
		"foreign host":       {token("evil.example.com", nil), signedAt, "not STS"},
		"missing date":       {token(host, func(q url.Values) { q.Del("X-Amz-Date") }), signedAt, "X-Amz-Date"},
		"duplicate action":   {token(host, func(q url.Values) { q.Add("Action", "GetCallerIdentity") }), signedAt, "more than once"},
		"real STS host, ok?": {token("sts.amazonaws.com", nil), signedAt, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := verifier(t, server.URL, c.now).Verify(context.Background(), c.token)
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want an error containing %q, got %v", c.want, err)
			}
		})
	}
}

func TestVerifyRefusesWhatSTSRefuses(t *testing.T) {
	server := stsServer(t, 403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>", nil)
	_, err := verifier(t, server.URL, signedAt).Verify(context.Background(), token(strings.TrimPrefix(server.URL, "http://"), nil))
	if err == nil || !strings.Contains(err.Error(), "403") {
		t.Fatalf("want a 403 refusal, got %v", err)
	}
}

func TestVerifierOnlyExecutesOnLoopback(t *testing.T) {
	for _, endpoint := range []string{"https://sts.amazonaws.com", "http://10.0.0.1:4566", "ftp://127.0.0.1"} {
		if _, err := NewVerifier("c", endpoint); err == nil {
			t.Errorf("%s accepted", endpoint)
		}
	}
}

func TestMapping(t *testing.T) {
	mapping, err := ParseMapping([]string{"arn:aws:iam::123456789012:role/gantry-deploy=gantry:deployers"})
	if err != nil {
		t.Fatal(err)
	}
	identity, err := canonicalize("arn:aws:sts::123456789012:assumed-role/gantry-deploy/run-42")
	if err != nil {
		t.Fatal(err)
	}
	user, err := mapping.Map(identity)
	if err != nil {
		t.Fatal(err)
	}
	if user.Username != "aws:123456789012:gantry-deploy" || len(user.Groups) != 1 || user.Groups[0] != "gantry:deployers" {
		t.Fatalf("unexpected user %+v", user)
	}
	other, _ := canonicalize("arn:aws:sts::123456789012:assumed-role/someone-else/s")
	if _, err := mapping.Map(other); err == nil {
		t.Fatal("an unmapped role was accepted")
	}
	if _, err := ParseMapping([]string{"gantry-deploy=x"}); err == nil {
		t.Fatal("a mapping without an ARN was accepted")
	}
}
