// Package controlplane runs a real Kubernetes control plane on loopback: etcd, kube-apiserver with EKS-style
// token authentication (the eksauth webhook, served in-process), kube-controller-manager, kube-scheduler, and
// kwok, which plays the kubelet for fake nodes so pods become Ready without containers.
package controlplane

import (
	"context"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gantry.local/kube-local/internal/eksauth"
	"gantry.local/kube-local/internal/pki"
)

// Options say where and how the control plane runs.
type Options struct {
	Dir          string // state: certificates, kubeconfigs, etcd data, logs
	Host         string // the loopback address everything binds to
	APIPort      int
	WebhookPort  int
	EtcdPort     int
	EtcdPeerPort int
	BinDir       string // where build-kube-local.sh put the binaries
	ClusterName  string // the EKS cluster name tokens must be signed for
	STSEndpoint  string // the loopback AWS emulator that executes tokens
	EndpointFile string // kube.json for the emulator's DescribeCluster; empty to skip
	Mappings     []string
	Nodes        int
	StartTimeout time.Duration
}

// Paths of what the launcher writes, for the caller and the docs.
const (
	AdminKubeconfig = "admin.kubeconfig"
	ReadyFile       = "ready.json"
)

// DeployerGroup may manage Deployments in every namespace; a mapping puts IAM roles in it.
const DeployerGroup = "gantry:deployers"

// Run starts everything, reports readiness, then supervises until ctx ends or a component exits.
func Run(ctx context.Context, o Options, logger *log.Logger) error {
	if ip := net.ParseIP(o.Host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("host %q is not a loopback address", o.Host)
	}
	for _, port := range []int{o.APIPort, o.WebhookPort, o.EtcdPort, o.EtcdPeerPort} {
		if err := portFree(o.Host, port); err != nil {
			return err
		}
	}
	verifier, err := eksauth.NewVerifier(o.ClusterName, o.STSEndpoint)
	if err != nil {
		return err
	}
	mapping, err := eksauth.ParseMapping(o.Mappings)
	if err != nil {
		return err
	}
	pkiDir, logDir := filepath.Join(o.Dir, "pki"), filepath.Join(o.Dir, "logs")
	for _, dir := range []string{pkiDir, logDir} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
	}
	// A stale readiness file must not claim a server that is still starting.
	_ = os.Remove(filepath.Join(o.Dir, ReadyFile))
	files, err := prepareFiles(o, pkiDir)
	if err != nil {
		return fmt.Errorf("certificates and kubeconfigs: %w", err)
	}

	webhook, err := serveWebhook(o, files, verifier, mapping, logger)
	if err != nil {
		return err
	}
	defer webhook.Close()

	var running []*component
	defer func() {
		for i := len(running) - 1; i >= 0; i-- {
			running[i].stop(10 * time.Second)
		}
		if o.EndpointFile != "" {
			_ = os.Remove(o.EndpointFile)
		}
		_ = os.Remove(filepath.Join(o.Dir, ReadyFile))
	}()
	start := func(name, binary string, args ...string) error {
		c, err := startComponent(o.BinDir, logDir, name, binary, args...)
		if err != nil {
			return err
		}
		running = append(running, c)
		logger.Printf("%s: started (pid %d), log %s", name, c.cmd.Process.Pid, filepath.Join(logDir, name+".log"))
		return nil
	}
	deadline, cancel := context.WithTimeout(ctx, o.StartTimeout)
	defer cancel()
	// Each wait also watches the components already running, so a crash is reported at once, not as a timeout.
	wait := func(what string, probe func(context.Context) error) error {
		return waitUntil(deadline, running, what, probe, logger)
	}

	if err := start("etcd", "etcd", etcdArgs(o)...); err != nil {
		return err
	}
	if err := wait("etcd", func(ctx context.Context) error { return etcdHealthy(ctx, o) }); err != nil {
		return err
	}
	if err := start("kube-apiserver", "kube-apiserver", apiserverArgs(o, files)...); err != nil {
		return err
	}
	admin, err := newAdminClient(filepath.Join(o.Dir, AdminKubeconfig))
	if err != nil {
		return err
	}
	if err := wait("kube-apiserver", admin.ready); err != nil {
		return err
	}
	if err := wait("RBAC and nodes", func(ctx context.Context) error { return admin.bootstrap(ctx, o.Nodes) }); err != nil {
		return err
	}
	if err := start("kube-controller-manager", "kube-controller-manager", controllerManagerArgs(o, files)...); err != nil {
		return err
	}
	if err := start("kube-scheduler", "kube-scheduler", schedulerArgs(files)...); err != nil {
		return err
	}
	if err := start("kwok", "kwok", kwokArgs(files)...); err != nil {
		return err
	}
	if err := wait(fmt.Sprintf("%d Ready nodes", o.Nodes), func(ctx context.Context) error { return admin.nodesReady(ctx, o.Nodes) }); err != nil {
		return err
	}

	endpoint := fmt.Sprintf("https://%s", net.JoinHostPort(o.Host, strconv.Itoa(o.APIPort)))
	ready, _ := json.Marshal(map[string]string{"endpoint": endpoint, "caData": base64.StdEncoding.EncodeToString(files.ca.PEM)})
	if o.EndpointFile != "" {
		if err := os.MkdirAll(filepath.Dir(o.EndpointFile), 0o755); err != nil {
			return err
		}
		if err := pki.WriteFile(o.EndpointFile, ready, 0o644); err != nil {
			return err
		}
	}
	if err := pki.WriteFile(filepath.Join(o.Dir, ReadyFile), ready, 0o644); err != nil {
		return err
	}
	logger.Printf("ready: %s, admin kubeconfig %s", endpoint, filepath.Join(o.Dir, AdminKubeconfig))

	// Supervise: a component that exits takes the whole control plane down, so the failure is visible.
	exited := make(chan string, len(running))
	for _, c := range running {
		go func(c *component) {
			err := <-c.exited
			exited <- fmt.Sprintf("%s exited: %v", c.name, err)
		}(c)
	}
	select {
	case <-ctx.Done():
		logger.Printf("stopping")
		return nil
	case reason := <-exited:
		return errors.New(reason)
	}
}

func portFree(host string, port int) error {
	listener, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("port %d on %s is taken: %w", port, host, err)
	}
	return listener.Close()
}

func waitUntil(ctx context.Context, running []*component, what string, probe func(context.Context) error, logger *log.Logger) error {
	started := time.Now()
	lastReport := started
	var last error
	for {
		for _, c := range running {
			select {
			case err := <-c.exited:
				return fmt.Errorf("%s exited while waiting for %s: %v (see its log)", c.name, what, err)
			default:
			}
		}
		attempt, cancel := context.WithTimeout(ctx, 5*time.Second)
		last = probe(attempt)
		cancel()
		if last == nil {
			logger.Printf("%s: ready after %.1fs", what, time.Since(started).Seconds())
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s not ready in time: %v", what, last)
		}
		if time.Since(lastReport) >= 5*time.Second {
			logger.Printf("waiting for %s (%.0fs): %v", what, time.Since(started).Seconds(), last)
			lastReport = time.Now()
		}
		select {
		case <-ctx.Done():
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func etcdHealthy(ctx context.Context, o Options) error {
	request, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("http://%s/health", net.JoinHostPort(o.Host, strconv.Itoa(o.EtcdPort))), nil)
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		return err
	}
	defer response.Body.Close()
	var health struct {
		Health string `json:"health"`
	}
	if err := json.NewDecoder(response.Body).Decode(&health); err != nil {
		return err
	}
	if health.Health != "true" {
		return fmt.Errorf("etcd reports health %q", health.Health)
	}
	return nil
}

// serveWebhook serves the TokenReview webhook over TLS with a certificate the API server trusts through the CA.
func serveWebhook(o Options, f *files, verifier *eksauth.Verifier, mapping eksauth.Mapping, logger *log.Logger) (*http.Server, error) {
	cert, err := tls.LoadX509KeyPair(f.webhook.CertFile, f.webhook.KeyFile)
	if err != nil {
		return nil, err
	}
	listener, err := net.Listen("tcp", net.JoinHostPort(o.Host, strconv.Itoa(o.WebhookPort)))
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/authenticate", eksauth.Handler(verifier, mapping, log.New(logger.Writer(), "eks-authn: ", log.LstdFlags)))
	server := &http.Server{
		Handler:           mux,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() {
		if err := server.ServeTLS(listener, "", ""); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Printf("token webhook stopped: %v", err)
		}
	}()
	logger.Printf("eks-authn: token webhook on https://%s/authenticate for cluster %q, STS %s", listener.Addr(), o.ClusterName, o.STSEndpoint)
	return server, nil
}
