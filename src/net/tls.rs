//! Encryption for networks you do not trust: the host makes its own
//! certificate and prints its SHA-256 fingerprint inside every join code; a
//! client accepts exactly the certificate with that fingerprint. No
//! certificate authority is involved.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio_rustls::rustls;
use tokio_rustls::rustls::client::danger::{
    HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier,
};
use tokio_rustls::rustls::crypto::{CryptoProvider, ring};
use tokio_rustls::rustls::pki_types::{
    CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime,
};
use tokio_rustls::rustls::{DigitallySignedStruct, SignatureScheme};

/// The name clients ask for; the fingerprint, not the name, is what they check.
pub const SERVER_NAME: &str = "firedrill.host";

/// A host's certificate and key, kept with the session so a resumed host
/// keeps its fingerprint (and its join codes stay good).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    pub certificate: Vec<u8>,
    pub key: Vec<u8>,
}

impl Identity {
    /// A new self-signed certificate.
    pub fn generate() -> Result<Identity, String> {
        let made = rcgen::generate_simple_self_signed(vec![SERVER_NAME.to_string()])
            .map_err(|e| format!("cannot make the host's certificate: {e}"))?;
        Ok(Identity {
            certificate: made.cert.der().to_vec(),
            key: made.signing_key.serialize_der(),
        })
    }

    /// The certificate's fingerprint as join codes carry it.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.certificate)
    }

    /// The TLS acceptor for this identity.
    pub fn acceptor(&self) -> Result<tokio_rustls::TlsAcceptor, String> {
        let config = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS set-up: {e}"))?
            .with_no_client_auth()
            .with_single_cert(
                vec![CertificateDer::from(self.certificate.clone())],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.key.clone())),
            )
            .map_err(|e| format!("the host's certificate or key is unusable: {e}"))?;
        Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
    }
}

/// rustls with *ring*: a pure-Rust-and-C build with no CMake; rustls marks it
/// deprecated only for lacking post-quantum key exchange, which a drill's
/// traffic does not need (README: "Libraries").
#[allow(deprecated)]
fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// A certificate's SHA-256, in the join codes' alphabet.
pub fn fingerprint(certificate: &[u8]) -> String {
    super::codes::base32(&Sha256::digest(certificate))
}

/// The TLS connector that trusts exactly the certificate with `expected` fingerprint.
pub fn connector(expected: &str) -> Result<tokio_rustls::TlsConnector, String> {
    let verifier = Pinned {
        expected: expected.to_ascii_lowercase(),
        provider: provider(),
    };
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS set-up: {e}"))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok(tokio_rustls::TlsConnector::from(Arc::new(config)))
}

/// The name to ask a pinned host for.
pub fn server_name() -> ServerName<'static> {
    ServerName::try_from(SERVER_NAME)
        .unwrap_or_else(|_| ServerName::IpAddress(std::net::Ipv4Addr::LOCALHOST.into()))
}

/// Accepts the one certificate whose fingerprint the join code carries; the
/// handshake's signatures are still checked against it.
#[derive(Debug)]
struct Pinned {
    expected: String,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if fingerprint(end_entity) == self.expected {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::General(
                "the host's certificate is not the one the join code names (wrong host, or someone in between)".into(),
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
