package controlplane

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// component is one child process; its output goes to <dir>/logs/<name>.log.
type component struct {
	name   string
	cmd    *exec.Cmd
	exited chan error
}

func startComponent(binDir, logDir, name, binary string, args ...string) (*component, error) {
	path := filepath.Join(binDir, binary)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: %w (run scripts/build-kube-local.sh)", name, err)
	}
	logFile, err := os.OpenFile(filepath.Join(logDir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// If the launcher dies without cleaning up, the kernel still stops its children.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &component{name: name, cmd: cmd, exited: make(chan error, 1)}
	go func() {
		err := cmd.Wait()
		logFile.Close()
		c.exited <- err
		close(c.exited)
	}()
	return c, nil
}

// stop asks politely, then insists after grace.
func (c *component) stop(grace time.Duration) {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.exited:
	case <-time.After(grace):
		_ = c.cmd.Process.Kill()
		<-c.exited
	}
}
