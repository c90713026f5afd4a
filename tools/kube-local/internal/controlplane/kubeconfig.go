package controlplane

import (
	"encoding/base64"
	"fmt"
	"os"

	"gantry.local/kube-local/internal/pki"
)

// writeKubeconfig writes a self-contained kubeconfig (certificates embedded) for one client certificate, or for
// none when client is nil (the API server's view of the token webhook).
func writeKubeconfig(path, server string, caPEM []byte, client *pki.Pair, user string) error {
	userBlock := "  user: {}\n"
	if client != nil {
		cert, err := os.ReadFile(client.CertFile)
		if err != nil {
			return err
		}
		key, err := os.ReadFile(client.KeyFile)
		if err != nil {
			return err
		}
		userBlock = fmt.Sprintf("  user:\n    client-certificate-data: %s\n    client-key-data: %s\n", b64(cert), b64(key))
	}
	content := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: local
  cluster:
    server: %s
    certificate-authority-data: %s
users:
- name: %s
%scontexts:
- name: %s@local
  context:
    cluster: local
    user: %s
current-context: %s@local
`, server, b64(caPEM), user, userBlock, user, user, user)
	return pki.WriteFile(path, []byte(content), 0o600)
}

func b64(data []byte) string { return base64.StdEncoding.EncodeToString(data) }
