package eksauth

import (
	"fmt"
	"strings"
)

// User is the Kubernetes identity a caller maps to.
type User struct {
	Username string
	UID      string
	Groups   []string
	Extra    map[string][]string
}

// Mapping lists the IAM roles and users (canonical ARNs, as aws-iam-authenticator's mapRoles/mapUsers do) that
// may use the cluster and the groups each gets. An identity it does not name is refused.
type Mapping map[string][]string

// ParseMapping reads "ARN=group1,group2" entries.
func ParseMapping(entries []string) (Mapping, error) {
	mapping := Mapping{}
	for _, entry := range entries {
		arn, groups, ok := strings.Cut(entry, "=")
		if !ok || !strings.HasPrefix(arn, "arn:") {
			return nil, fmt.Errorf("mapping %q: want ARN=group[,group]", entry)
		}
		if _, err := canonicalize(arn); err != nil {
			return nil, fmt.Errorf("mapping %q: %w", entry, err)
		}
		var list []string
		for _, group := range strings.Split(groups, ",") {
			if group = strings.TrimSpace(group); group != "" {
				list = append(list, group)
			}
		}
		mapping[arn] = list
	}
	return mapping, nil
}

// Map names the user: role sessions become "aws:<account>:<role>", IAM users "aws:<account>:user/<name>".
func (m Mapping) Map(identity *Identity) (*User, error) {
	groups, ok := m[identity.CanonicalARN]
	if !ok {
		return nil, fmt.Errorf("%s is not mapped to a Kubernetes user", identity.CanonicalARN)
	}
	resource := identity.CanonicalARN[strings.LastIndex(identity.CanonicalARN, ":")+1:]
	name := strings.TrimPrefix(resource, "role/")
	user := &User{
		Username: fmt.Sprintf("aws:%s:%s", identity.AccountID, name),
		UID:      "aws-iam-authenticator:" + identity.AccountID + ":" + identity.UserID,
		Groups:   append([]string(nil), groups...),
		Extra: map[string][]string{
			"arn":          {identity.ARN},
			"canonicalArn": {identity.CanonicalARN},
			"sessionName":  {identity.SessionName},
			"accessKeyId":  {identity.AccessKeyID},
			"principalId":  {identity.UserID},
		},
	}
	return user, nil
}
