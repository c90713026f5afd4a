// Package eksauth authenticates EKS bearer tokens the way aws-iam-authenticator does for a real cluster: the
// token is a presigned STS GetCallerIdentity URL; executing it proves who signed it, and the caller's ARN maps to
// a Kubernetes user and groups. Here the URL is executed against the loopback AWS emulator only.
package eksauth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const (
	// TokenPrefix starts every EKS token (aws eks get-token, aws-iam-authenticator token).
	TokenPrefix = "k8s-aws-v1."
	// ClusterIDHeader names the cluster; it must be among the signed headers, so a token for one cluster is
	// useless against another.
	ClusterIDHeader = "x-k8s-aws-id"
	// maxLifetime is how long STS honours such a token whatever X-Amz-Expires says (aws-iam-authenticator's rule).
	maxLifetime = 15 * time.Minute
	// clockSkew tolerates a signer whose clock runs a little ahead.
	clockSkew = 5 * time.Minute
	// maxTokenBytes bounds what is decoded at all.
	maxTokenBytes = 8 << 10
)

// Only these query parameters may appear in the presigned URL; anything else could change what STS executes.
var allowedParameters = map[string]bool{
	"action": true, "version": true, "x-amz-algorithm": true, "x-amz-credential": true, "x-amz-date": true,
	"x-amz-expires": true, "x-amz-security-token": true, "x-amz-signature": true, "x-amz-signedheaders": true,
}

// Real STS hostnames a token may name; the request still goes to the configured loopback endpoint.
var stsHost = regexp.MustCompile(`^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$`)

// Identity is who STS says signed the token.
type Identity struct {
	ARN          string
	CanonicalARN string
	AccountID    string
	UserID       string
	SessionName  string
	AccessKeyID  string
}

// Verifier checks tokens for one cluster against one STS endpoint.
type Verifier struct {
	ClusterID string
	endpoint  *url.URL
	client    *http.Client
	now       func() time.Time
}

// NewVerifier refuses any STS endpoint that is not on a loopback address: tokens are only ever executed locally.
func NewVerifier(clusterID, stsEndpoint string) (*Verifier, error) {
	if clusterID == "" {
		return nil, errors.New("a cluster name is required")
	}
	endpoint, err := url.Parse(stsEndpoint)
	if err != nil {
		return nil, fmt.Errorf("STS endpoint %q: %w", stsEndpoint, err)
	}
	if endpoint.Scheme != "http" && endpoint.Scheme != "https" {
		return nil, fmt.Errorf("STS endpoint %q: scheme must be http or https", stsEndpoint)
	}
	if !isLoopback(endpoint.Hostname()) {
		return nil, fmt.Errorf("STS endpoint %q is not a loopback address", stsEndpoint)
	}
	return &Verifier{
		ClusterID: clusterID,
		endpoint:  endpoint,
		client: &http.Client{
			Timeout: 10 * time.Second,
			// A redirect would send the signed request somewhere else.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		now: time.Now,
	}, nil
}

// Verify returns the identity behind a token, or why it is refused. Error messages never contain the token.
func (v *Verifier) Verify(ctx context.Context, token string) (*Identity, error) {
	if !strings.HasPrefix(token, TokenPrefix) {
		return nil, errors.New("not an EKS token (missing the k8s-aws-v1. prefix)")
	}
	if len(token) > maxTokenBytes {
		return nil, errors.New("token too long")
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(token[len(TokenPrefix):], "="))
	if err != nil {
		return nil, errors.New("token is not base64url")
	}
	presigned, err := url.Parse(string(raw))
	if err != nil {
		return nil, errors.New("token does not hold a URL")
	}
	if err := v.checkURL(presigned); err != nil {
		return nil, err
	}
	return v.execute(ctx, presigned)
}

func (v *Verifier) checkURL(presigned *url.URL) error {
	if presigned.Scheme != "https" && presigned.Scheme != "http" {
		return fmt.Errorf("unexpected scheme %q", presigned.Scheme)
	}
	host := presigned.Hostname()
	if !stsHost.MatchString(host) && presigned.Host != v.endpoint.Host {
		return fmt.Errorf("unexpected host %q: not STS", host)
	}
	if presigned.Path != "/" && presigned.Path != "" {
		return fmt.Errorf("unexpected path %q", presigned.Path)
	}
	query := map[string]string{}
	for key, values := range presigned.Query() {
		lower := strings.ToLower(key)
		if !allowedParameters[lower] {
			return fmt.Errorf("unexpected query parameter %q", key)
		}
		if len(values) != 1 {
			return fmt.Errorf("query parameter %q appears more than once", key)
		}
		if _, duplicate := query[lower]; duplicate {
			return fmt.Errorf("query parameter %q appears more than once", key)
		}
		query[lower] = values[0]
	}
	if query["action"] != "GetCallerIdentity" {
		return fmt.Errorf("unexpected action %q: not GetCallerIdentity", query["action"])
	}
	signed := strings.Split(strings.ToLower(query["x-amz-signedheaders"]), ";")
	if !contains(signed, ClusterIDHeader) {
		return fmt.Errorf("the %s header is not signed", ClusterIDHeader)
	}
	date, err := time.Parse("20060102T150405Z", query["x-amz-date"])
	if err != nil {
		return errors.New("missing or malformed X-Amz-Date")
	}
	expires, err := strconv.Atoi(query["x-amz-expires"])
	if err != nil || expires <= 0 {
		return errors.New("missing or malformed X-Amz-Expires")
	}
	lifetime := min(time.Duration(expires)*time.Second, maxLifetime)
	now := v.now()
	if now.After(date.Add(lifetime)) {
		return fmt.Errorf("token expired at %s", date.Add(lifetime).UTC().Format(time.RFC3339))
	}
	if date.After(now.Add(clockSkew)) {
		return fmt.Errorf("token signed in the future (%s)", date.UTC().Format(time.RFC3339))
	}
	return nil
}

func (v *Verifier) execute(ctx context.Context, presigned *url.URL) (*Identity, error) {
	target := *v.endpoint
	target.Path = "/"
	target.RawQuery = presigned.RawQuery
	request, err := http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, err
	}
	// The Host header is part of the signature: send the one that was signed.
	request.Host = presigned.Host
	request.Header.Set(ClusterIDHeader, v.ClusterID)
	request.Header.Set("Accept", "application/json")
	response, err := v.client.Do(request)
	if err != nil {
		return nil, fmt.Errorf("STS GetCallerIdentity: %w", err)
	}
	defer response.Body.Close()
	body, err := io.ReadAll(io.LimitReader(response.Body, 64<<10))
	if err != nil {
		return nil, fmt.Errorf("STS GetCallerIdentity: %w", err)
	}
	if response.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("STS GetCallerIdentity answered %d", response.StatusCode)
	}
	result, err := parseCallerIdentity(body)
	if err != nil {
		return nil, err
	}
	identity, err := canonicalize(result.Arn)
	if err != nil {
		return nil, err
	}
	if result.Account != "" && result.Account != identity.AccountID {
		return nil, fmt.Errorf("STS reported account %s for an ARN in account %s", result.Account, identity.AccountID)
	}
	identity.UserID = result.UserID
	identity.AccessKeyID = accessKeyID(presigned.Query().Get("X-Amz-Credential"))
	return identity, nil
}

type callerIdentity struct {
	Arn     string `xml:"GetCallerIdentityResult>Arn"`
	UserID  string `xml:"GetCallerIdentityResult>UserId"`
	Account string `xml:"GetCallerIdentityResult>Account"`
}

// STS answers JSON when asked (real STS) and XML otherwise (the emulator); both carry the same three fields.
func parseCallerIdentity(body []byte) (*callerIdentity, error) {
	var result callerIdentity
	if trimmed := strings.TrimSpace(string(body)); strings.HasPrefix(trimmed, "{") {
		var wrapped struct {
			Response struct {
				Result struct {
					Arn     string `json:"Arn"`
					UserID  string `json:"UserId"`
					Account string `json:"Account"`
				} `json:"GetCallerIdentityResult"`
			} `json:"GetCallerIdentityResponse"`
		}
		if err := json.Unmarshal(body, &wrapped); err != nil {
			return nil, fmt.Errorf("STS answer is not GetCallerIdentity JSON: %w", err)
		}
		result = callerIdentity{Arn: wrapped.Response.Result.Arn, UserID: wrapped.Response.Result.UserID, Account: wrapped.Response.Result.Account}
	} else if err := xml.Unmarshal(body, &result); err != nil {
		return nil, fmt.Errorf("STS answer is not GetCallerIdentity XML: %w", err)
	}
	if result.Arn == "" {
		return nil, errors.New("STS answer names no caller ARN")
	}
	return &result, nil
}

// canonicalize turns an STS caller ARN into the IAM ARN that mappings name: an assumed-role session becomes
// its role; IAM users and roles stay as they are.
func canonicalize(arn string) (*Identity, error) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[4] == "" {
		return nil, fmt.Errorf("malformed caller ARN %q", arn)
	}
	partition, service, account, resource := parts[1], parts[2], parts[4], parts[5]
	identity := &Identity{ARN: arn, AccountID: account}
	switch {
	case service == "sts" && strings.HasPrefix(resource, "assumed-role/"):
		fields := strings.Split(resource, "/")
		if len(fields) < 3 || fields[1] == "" {
			return nil, fmt.Errorf("malformed assumed-role ARN %q", arn)
		}
		identity.CanonicalARN = fmt.Sprintf("arn:%s:iam::%s:role/%s", partition, account, fields[1])
		identity.SessionName = fields[len(fields)-1]
	case service == "iam" && (strings.HasPrefix(resource, "user/") || strings.HasPrefix(resource, "role/")):
		identity.CanonicalARN = arn
	default:
		return nil, fmt.Errorf("unsupported caller ARN %q", arn)
	}
	return identity, nil
}

// "AKIA.../20260101/us-east-1/sts/aws4_request" → "AKIA...".
func accessKeyID(credential string) string {
	id, _, _ := strings.Cut(credential, "/")
	return id
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func contains(list []string, want string) bool {
	for _, item := range list {
		if strings.TrimSpace(item) == want {
			return true
		}
	}
	return false
}
