// Package pki makes the certificates a loopback control plane needs: one CA, serving certificates for the API
// server and the token webhook, client certificates for the components, and the service-account signing key.
// Everything is kept on disk and reused on the next start, so clients that trusted the CA keep working.
package pki

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Pair is a certificate and its key, as PEM files.
type Pair struct {
	CertFile string
	KeyFile  string
}

// CA signs the other certificates.
type CA struct {
	Pair
	cert *x509.Certificate
	key  crypto.Signer
	PEM  []byte
}

const validity = 10 * 365 * 24 * time.Hour

// LoadOrCreateCA reads dir/ca.crt and dir/ca.key, creating them first when either is missing.
func LoadOrCreateCA(dir, commonName string) (*CA, error) {
	pair := Pair{CertFile: filepath.Join(dir, "ca.crt"), KeyFile: filepath.Join(dir, "ca.key")}
	if exists(pair.CertFile) && exists(pair.KeyFile) {
		cert, key, certPEM, err := load(pair)
		if err != nil {
			return nil, err
		}
		return &CA{Pair: pair, cert: cert, key: key, PEM: certPEM}, nil
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	template := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: commonName},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(validity),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, key.Public(), key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	certPEM, err := write(pair, der, key)
	if err != nil {
		return nil, err
	}
	return &CA{Pair: pair, cert: cert, key: key, PEM: certPEM}, nil
}

// Serving returns dir/<name>.crt/.key for a TLS server answering on the given IPs and DNS names.
func (ca *CA) Serving(dir, name string, ips []net.IP, dnsNames []string) (Pair, error) {
	return ca.issue(dir, name, &x509.Certificate{
		Subject:     pkix.Name{CommonName: name},
		IPAddresses: ips,
		DNSNames:    dnsNames,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
}

// Client returns dir/<name>.crt/.key identifying user commonName in the given groups (Kubernetes reads the
// subject's CN as the user and O as the groups).
func (ca *CA) Client(dir, name, commonName string, groups ...string) (Pair, error) {
	return ca.issue(dir, name, &x509.Certificate{
		Subject:     pkix.Name{CommonName: commonName, Organization: groups},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	})
}

func (ca *CA) issue(dir, name string, template *x509.Certificate) (Pair, error) {
	pair := Pair{CertFile: filepath.Join(dir, name+".crt"), KeyFile: filepath.Join(dir, name+".key")}
	if exists(pair.CertFile) && exists(pair.KeyFile) {
		cert, _, _, err := load(pair)
		if err == nil && cert.CheckSignatureFrom(ca.cert) == nil && sameNames(cert, template) {
			return pair, nil
		}
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Pair{}, err
	}
	template.SerialNumber = serial()
	template.NotBefore = time.Now().Add(-time.Hour)
	template.NotAfter = time.Now().Add(validity)
	template.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
	der, err := x509.CreateCertificate(rand.Reader, template, ca.cert, key.Public(), ca.key)
	if err != nil {
		return Pair{}, err
	}
	_, err = write(pair, der, key)
	return pair, err
}

// SigningKey returns dir/<name>.key (private) and dir/<name>.pub (public), for service-account tokens.
func SigningKey(dir, name string) (private, public string, err error) {
	private, public = filepath.Join(dir, name+".key"), filepath.Join(dir, name+".pub")
	if exists(private) && exists(public) {
		return private, public, nil
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return "", "", err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return "", "", err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(key.Public())
	if err != nil {
		return "", "", err
	}
	if err := writeFile(private, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return "", "", err
	}
	return private, public, writeFile(public, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER}), 0o644)
}

// A reused certificate must still name what it is asked to: a changed host or group list means a new one.
func sameNames(cert, template *x509.Certificate) bool {
	if cert.Subject.CommonName != template.Subject.CommonName || fmt.Sprint(cert.Subject.Organization) != fmt.Sprint(template.Subject.Organization) {
		return false
	}
	if fmt.Sprint(cert.DNSNames) != fmt.Sprint(template.DNSNames) || len(cert.IPAddresses) != len(template.IPAddresses) {
		return false
	}
	for i, ip := range cert.IPAddresses {
		if !ip.Equal(template.IPAddresses[i]) {
			return false
		}
	}
	return time.Now().Add(24 * time.Hour).Before(cert.NotAfter)
}

func load(pair Pair) (*x509.Certificate, crypto.Signer, []byte, error) {
	certPEM, err := os.ReadFile(pair.CertFile)
	if err != nil {
		return nil, nil, nil, err
	}
	keyPEM, err := os.ReadFile(pair.KeyFile)
	if err != nil {
		return nil, nil, nil, err
	}
	certBlock, _ := pem.Decode(certPEM)
	keyBlock, _ := pem.Decode(keyPEM)
	if certBlock == nil || keyBlock == nil {
		return nil, nil, nil, fmt.Errorf("%s or %s is not PEM", pair.CertFile, pair.KeyFile)
	}
	cert, err := x509.ParseCertificate(certBlock.Bytes)
	if err != nil {
		return nil, nil, nil, err
	}
	key, err := x509.ParsePKCS8PrivateKey(keyBlock.Bytes)
	if err != nil {
		return nil, nil, nil, err
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, nil, nil, errors.New(pair.KeyFile + " holds no signing key")
	}
	return cert, signer, certPEM, nil
}

func write(pair Pair, der []byte, key *ecdsa.PrivateKey) ([]byte, error) {
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := writeFile(pair.KeyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return nil, err
	}
	return certPEM, writeFile(pair.CertFile, certPEM, 0o644)
}

// writeFile replaces path atomically, so a reader never sees half a key.
func writeFile(path string, data []byte, mode os.FileMode) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, mode); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// WriteFile is writeFile for the launcher's other generated files (kubeconfigs, kube.json).
func WriteFile(path string, data []byte, mode os.FileMode) error { return writeFile(path, data, mode) }

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		panic(err)
	}
	return n
}
