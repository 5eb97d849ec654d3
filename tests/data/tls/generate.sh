#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the throwaway test PKI used by tst_TlsOptions / tst_TlsVerification:
# a CA, a server certificate for 127.0.0.1/localhost signed by it, a client certificate
# (mTLS) with an unencrypted and a passphrase-protected ("test-pass") key, and server
# certificates that must be refused: san-mismatch (common name 127.0.0.1 but only the
# alternative name other.example — Qt 6.4 alone would accept it), other-host (for
# other.example only) and expired (for 127.0.0.1, valid only in January 2020). None of these
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
# Server certificates that must be refused, signed by the same CA.
sign() { # name subject extensions [openssl ca dates…]
    name=$1 subject=$2 ext=$3
    shift 3
    openssl req -newkey rsa:2048 -nodes -keyout "$name.key" -out "$name.csr" -subj "$subject"
    printf '%s\nextendedKeyUsage=serverAuth\n' "$ext" > "$name.ext"
    if [ $# -eq 0 ]; then
        openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial \
            -out "$name.pem" -days $days -extfile "$name.ext"
    else
        printf '[ca]\ndefault_ca=t\n[t]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial.txt\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n' > ca.cnf
        : > index.txt
        echo 1000 > serial.txt
        openssl ca -batch -notext -config ca.cnf -cert ca.pem -keyfile ca.key -in "$name.csr" \
            -out "$name.pem" -extfile "$name.ext" "$@"
        rm -f ca.cnf index.txt* serial.txt* 1000.pem
    fi
    rm -f "$name.csr" "$name.ext"
}
sign san-mismatch "/CN=127.0.0.1" "subjectAltName=DNS:other.example"
sign other-host "/CN=other.example" "subjectAltName=DNS:other.example"
sign expired "/CN=127.0.0.1" "subjectAltName=IP:127.0.0.1" \
    -startdate 20200101000000Z -enddate 20200131000000Z
rm -f server.csr client.csr server.ext client.ext ca.srl ca.key
