#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the throwaway test PKI used by tst_TlsOptions / tst_JobsClientTls:
# a CA, a server certificate for 127.0.0.1/localhost signed by it, a client certificate
# (mTLS) with an unencrypted and a passphrase-protected ("test-pass") key. None of these
# protect anything; the CA key is thrown away.
set -eu
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $days \
    -subj "/CN=JobDesk Test CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem \
    -days $days -extfile server.ext
openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/CN=jobdesk-client"
printf 'extendedKeyUsage=clientAuth\n' > client.ext
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem \
    -days $days -extfile client.ext
openssl rsa -in client.key -aes256 -passout pass:test-pass -out client-encrypted.key
rm -f server.csr client.csr server.ext client.ext ca.srl ca.key
