// Command etcd is etcd's own server entry point, built inside this module so it shares its pinned versions.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
