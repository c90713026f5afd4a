package controlplane

import (
	"fmt"
	"net"
	"path/filepath"
	"strconv"

	"gantry.local/kube-local/internal/pki"
)

// Kubernetes-internal address ranges; nothing routes them, they only fill API fields.
const (
	serviceCIDR          = "10.96.0.0/16"
	kubernetesSvcIP      = "10.96.0.1"
	podCIDR              = "10.244.0.1/16"
	serviceAccountIssuer = "https://kubernetes.default.svc.cluster.local"
)

type files struct {
	ca                  *pki.CA
	apiserver, webhook  pki.Pair
	saPrivate, saPublic string
	// kubeconfigs
	controllerManager, scheduler, kwok, webhookConfig string
}

func prepareFiles(o Options, dir string) (*files, error) {
	ca, err := pki.LoadOrCreateCA(dir, "gantry-local-kubernetes-ca")
	if err != nil {
		return nil, err
	}
	host := net.ParseIP(o.Host)
	apiserver, err := ca.Serving(dir, "kube-apiserver", []net.IP{host, net.ParseIP(kubernetesSvcIP)},
		[]string{"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"})
	if err != nil {
		return nil, err
	}
	webhook, err := ca.Serving(dir, "eks-authn", []net.IP{host}, []string{"localhost"})
	if err != nil {
		return nil, err
	}
	saPrivate, saPublic, err := pki.SigningKey(dir, "service-account")
	if err != nil {
		return nil, err
	}
	f := &files{ca: ca, apiserver: apiserver, webhook: webhook, saPrivate: saPrivate, saPublic: saPublic}
	server := "https://" + net.JoinHostPort(o.Host, strconv.Itoa(o.APIPort))
	// Each component gets its own identity, which the built-in RBAC roles already know.
	clients := []struct {
		name, cn string
		groups   []string
		target   *string
	}{
		{"admin", "gantry-admin", []string{"system:masters"}, nil},
		{"kube-controller-manager", "system:kube-controller-manager", nil, &f.controllerManager},
		{"kube-scheduler", "system:kube-scheduler", nil, &f.scheduler},
		// kwok writes node and pod status for every fake node, which no narrower built-in role allows.
		{"kwok", "kwok", []string{"system:masters"}, &f.kwok},
	}
	for _, c := range clients {
		pair, err := ca.Client(dir, c.name, c.cn, c.groups...)
		if err != nil {
			return nil, err
		}
		path := filepath.Join(o.Dir, c.name+".kubeconfig")
		if err := writeKubeconfig(path, server, ca.PEM, &pair, c.name); err != nil {
			return nil, err
		}
		if c.target != nil {
			*c.target = path
		}
	}
	f.webhookConfig = filepath.Join(o.Dir, "eks-authn-webhook.kubeconfig")
	webhookURL := fmt.Sprintf("https://%s/authenticate", net.JoinHostPort(o.Host, strconv.Itoa(o.WebhookPort)))
	if err := writeKubeconfig(f.webhookConfig, webhookURL, ca.PEM, nil, "kube-apiserver"); err != nil {
		return nil, err
	}
	return f, nil
}

func etcdArgs(o Options) []string {
	client := "http://" + net.JoinHostPort(o.Host, strconv.Itoa(o.EtcdPort))
	peer := "http://" + net.JoinHostPort(o.Host, strconv.Itoa(o.EtcdPeerPort))
	return []string{
		"--name=local",
		"--data-dir=" + filepath.Join(o.Dir, "etcd"),
		"--listen-client-urls=" + client, "--advertise-client-urls=" + client,
		"--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
		"--initial-cluster=local=" + peer,
		// No metrics listener of its own, and a small quota: this holds a test cluster's objects only.
		"--quota-backend-bytes=536870912",
		"--log-level=warn",
	}
}

func apiserverArgs(o Options, f *files) []string {
	return []string{
		"--bind-address=" + o.Host, "--advertise-address=" + o.Host, "--secure-port=" + strconv.Itoa(o.APIPort),
		"--etcd-servers=http://" + net.JoinHostPort(o.Host, strconv.Itoa(o.EtcdPort)),
		"--tls-cert-file=" + f.apiserver.CertFile, "--tls-private-key-file=" + f.apiserver.KeyFile,
		"--client-ca-file=" + f.ca.CertFile,
		"--service-account-issuer=" + serviceAccountIssuer,
		"--service-account-key-file=" + f.saPublic, "--service-account-signing-key-file=" + f.saPrivate,
		"--service-cluster-ip-range=" + serviceCIDR,
		// The "kubernetes" Service cannot point at a loopback address, and nothing in this cluster dials it.
		"--endpoint-reconciler-type=none",
		"--authorization-mode=Node,RBAC",
		"--authentication-token-webhook-config-file=" + f.webhookConfig,
		"--authentication-token-webhook-version=v1",
		// Short, so a refused or expired token is re-checked soon rather than served from the cache.
		"--authentication-token-webhook-cache-ttl=10s",
		"--allow-privileged=true",
		"--profiling=false",
		// Two cores shared with builds: no API priority machinery to run.
		"--enable-priority-and-fairness=false",
		"--cert-dir=" + filepath.Join(o.Dir, "pki", "apiserver-generated"),
	}
}

func controllerManagerArgs(o Options, f *files) []string {
	return []string{
		"--kubeconfig=" + f.controllerManager,
		"--authentication-kubeconfig=" + f.controllerManager, "--authorization-kubeconfig=" + f.controllerManager,
		// No HTTPS endpoint of its own: health is read through the API, and fixed ports would clash between stacks.
		"--secure-port=0",
		"--service-account-private-key-file=" + f.saPrivate,
		"--root-ca-file=" + f.ca.CertFile,
		"--cluster-signing-cert-file=" + f.ca.CertFile, "--cluster-signing-key-file=" + f.ca.KeyFile,
		"--use-service-account-credentials=true",
		"--leader-elect=false",
		"--profiling=false",
	}
}

func schedulerArgs(f *files) []string {
	return []string{
		"--kubeconfig=" + f.scheduler,
		"--authentication-kubeconfig=" + f.scheduler, "--authorization-kubeconfig=" + f.scheduler,
		"--secure-port=0",
		"--leader-elect=false",
		"--profiling=false",
	}
}

func kwokArgs(f *files) []string {
	return []string{
		"--kubeconfig=" + f.kwok,
		"--manage-all-nodes=false",
		"--manage-nodes-with-annotation-selector=" + kwokAnnotation + "=fake",
		"--cidr=" + podCIDR,
		"--node-ip=127.0.0.1",
		// Heartbeat by node Lease, renewed every 10 s as the kubelet does. Without it kwok only rewrites node status
		// every 20-45 s, which crosses the node lifecycle controller's 50 s grace period: nodes flap NotReady, and
		// the pods on them lose readiness in the middle of a rollout.
		"--node-lease-duration-seconds=40",
	}
}
