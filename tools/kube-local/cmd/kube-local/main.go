// Command kube-local runs the project's loopback Kubernetes control plane in the foreground until SIGTERM or
// SIGINT, then stops every component. See docs/kube-local.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"gantry.local/kube-local/internal/controlplane"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, " ") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	executable, _ := os.Executable()
	o := controlplane.Options{}
	var mappings list
	flag.StringVar(&o.Dir, "dir", ".gantry/local/kube", "state directory (certificates, kubeconfigs, etcd data, logs)")
	flag.StringVar(&o.Host, "host", "127.0.0.1", "loopback address to bind")
	flag.IntVar(&o.APIPort, "port", 6443, "kube-apiserver secure port")
	flag.IntVar(&o.WebhookPort, "webhook-port", 0, "token webhook port (default: port+1)")
	flag.IntVar(&o.EtcdPort, "etcd-port", 0, "etcd client port (default: port+2)")
	flag.IntVar(&o.EtcdPeerPort, "etcd-peer-port", 0, "etcd peer port (default: port+3)")
	flag.StringVar(&o.BinDir, "bin-dir", filepath.Dir(executable), "directory holding etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok")
	flag.StringVar(&o.ClusterName, "cluster-name", "gantry-local", "EKS cluster name tokens must be signed for (x-k8s-aws-id)")
	flag.StringVar(&o.STSEndpoint, "sts-endpoint", "http://127.0.0.1:4566", "loopback STS endpoint that executes tokens")
	flag.StringVar(&o.EndpointFile, "endpoint-file", "", "write {endpoint, caData} here once ready (the emulator's kube.json)")
	flag.Var(&mappings, "map", "IAM role or user ARN=group[,group] allowed in (repeatable)")
	flag.IntVar(&o.Nodes, "nodes", 2, "fake nodes kwok runs")
	flag.DurationVar(&o.StartTimeout, "start-timeout", 3*time.Minute, "how long start-up may take")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintf(os.Stderr, "kube-local: unexpected arguments %v\n", flag.Args())
		os.Exit(2)
	}
	o.Mappings = mappings
	defaultPort(&o.WebhookPort, o.APIPort+1)
	defaultPort(&o.EtcdPort, o.APIPort+2)
	defaultPort(&o.EtcdPeerPort, o.APIPort+3)
	if dir, err := filepath.Abs(o.Dir); err == nil {
		o.Dir = dir
	}

	logger := log.New(os.Stderr, "kube-local: ", log.LstdFlags)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if err := controlplane.Run(ctx, o, logger); err != nil {
		logger.Printf("error: %v", err)
		stop()
		os.Exit(1)
	}
}

func defaultPort(port *int, fallback int) {
	if *port == 0 {
		*port = fallback
	}
}
