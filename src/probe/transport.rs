//! Sending one POST to a bridge: the only part of the probe that touches the network.
//!
//! Built on `ureq` with rustls: a small blocking client (the probe sends one request at a time and the
//! wizard can run it on a thread), pure-Rust TLS with Mozilla's roots compiled in, so the binary needs no
//! OpenSSL and behaves the same on every machine.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

/// The largest answer read: a bridge page is kilobytes; more means something is wrong.
pub(crate) const BODY_LIMIT: u64 = 10 * 1024 * 1024;

/// What the bridge answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header, when there is one.
    pub content_type: Option<String>,
    /// The `Location` header of a redirect.
    pub location: Option<String>,
    /// The body, cut at the size limit.
    pub body: Vec<u8>,
    /// How long the answer took.
    pub elapsed: Duration,
}

impl Response {
    /// A response with a JSON body and the right content type (for tests of the checks).
    pub fn json(status: u16, body: &serde_json::Value) -> Response {
        Response {
            status,
            content_type: Some("application/json".to_owned()),
            location: None,
            body: body.to_string().into_bytes(),
            elapsed: Duration::ZERO,
        }
    }
}

/// Why no answer could be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TransportError {
    #[error("no complete answer within {} s", .0.as_secs_f64())]
    /// No complete answer within this time.
    Timeout(Duration),
    #[error("the answer is larger than {} MiB", BODY_LIMIT / 1024 / 1024)]
    /// The answer is larger than the size limit.
    TooLarge,
    #[error("TLS failed: {0}")]
    /// TLS failed; the reason.
    Tls(String),
    #[error("cannot connect: {0}")]
    /// No connection; the reason.
    Connection(String),
    #[error("the host name does not resolve")]
    /// The host name does not resolve.
    HostNotFound,
    #[error("the answer is not valid HTTP: {0}")]
    /// The answer is not valid HTTP; the reason.
    Protocol(String),
}

/// Sends a JSON body with POST and returns the answer as it came, redirects included.
pub trait Transport: Send + Sync {
    /// POSTs `body` (JSON) to `url`.
    fn post(&self, url: &str, body: &[u8]) -> Result<Response, TransportError>;
}

/// The real transport: one ureq agent with a per-request timeout, no redirects, no status as error.
pub struct Http {
    agent: ureq::Agent,
    /// For URLs naming this machine: no proxy (one from the environment cannot reach this machine's
    /// servers), and connections only to the loopback addresses the name resolves to.
    direct: ureq::Agent,
    timeout: Duration,
}

/// Resolves as ureq does, then keeps only loopback addresses. The probe sends plain http to
/// `localhost` only after checking that every address it resolves to is loopback; ureq resolves
/// again when it connects, and a hosts file changed in between must not send the credentials
/// elsewhere: the connection is pinned to this machine whatever the second answer is.
#[derive(Debug, Default)]
struct LoopbackOnly(DefaultResolver);

impl Resolver for LoopbackOnly {
    fn resolve(&self, uri: &Uri, config: &Config, timeout: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let resolved = self.0.resolve(uri, config, timeout)?;
        loopback_only(self.empty(), &resolved)
    }
}

/// The loopback addresses of `resolved`, in `kept` (empty); no address at all is "host not found".
fn loopback_only(mut kept: ResolvedSocketAddrs, resolved: &[SocketAddr]) -> Result<ResolvedSocketAddrs, ureq::Error> {
    for address in resolved.iter().filter(|address| address.ip().is_loopback()) {
        kept.push(*address);
    }
    if kept.is_empty() { Err(ureq::Error::HostNotFound) } else { Ok(kept) }
}

impl Http {
    /// A transport whose every request (connect, send, read the whole body) ends within `timeout`.
    pub fn new(timeout: Duration) -> Http {
        let config = || {
            ureq::Agent::config_builder()
                .timeout_global(Some(timeout))
                .max_redirects(0)
                .http_status_as_error(false)
                .user_agent(concat!("integration-wizard-probe/", env!("CARGO_PKG_VERSION")))
        };
        let direct =
            ureq::Agent::with_parts(config().proxy(None).build(), DefaultConnector::default(), LoopbackOnly::default());
        Http { agent: config().build().into(), direct, timeout }
    }
}

impl Transport for Http {
    fn post(&self, url: &str, body: &[u8]) -> Result<Response, TransportError> {
        let started = Instant::now();
        let agent = if super::is_loopback_url(url) { &self.direct } else { &self.agent };
        let mut response = agent
            .post(url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .send(body)
            .map_err(|error| self.explain(error))?;
        let header = |name: &str| response.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_owned);
        let content_type = header("content-type");
        let location = header("location");
        let status = response.status().as_u16();
        let body =
            response.body_mut().with_config().limit(BODY_LIMIT).read_to_vec().map_err(|error| self.explain(error))?;
        Ok(Response { status, content_type, location, body, elapsed: started.elapsed() })
    }
}

impl Http {
    /// One line a person can act on, for each way a request fails.
    fn explain(&self, error: ureq::Error) -> TransportError {
        match error {
            ureq::Error::Timeout(_) => TransportError::Timeout(self.timeout),
            ureq::Error::BodyExceedsLimit(_) => TransportError::TooLarge,
            ureq::Error::HostNotFound => TransportError::HostNotFound,
            ureq::Error::Tls(reason) => TransportError::Tls(reason.to_owned()),
            ureq::Error::Rustls(error) => TransportError::Tls(error.to_string()),
            ureq::Error::Protocol(error) => TransportError::Protocol(error.to_string()),
            ureq::Error::Io(error) if error.kind() == ErrorKind::TimedOut => TransportError::Timeout(self.timeout),
            // rustls reports a failed handshake as invalid data on the socket.
            ureq::Error::Io(error) if error.kind() == ErrorKind::InvalidData => {
                let reason = error.to_string();
                TransportError::Tls(if reason.contains("InvalidContentType") {
                    "the server did not answer in TLS (plain http on an https URL?)".to_owned()
                } else {
                    reason
                })
            }
            ureq::Error::Io(error) => TransportError::Connection(match error.kind() {
                ErrorKind::ConnectionRefused => "connection refused".to_owned(),
                ErrorKind::ConnectionReset | ErrorKind::UnexpectedEof => {
                    "the bridge closed the connection before answering".to_owned()
                }
                _ => error.to_string(),
            }),
            other => TransportError::Connection(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_by_name_goes_only_to_this_machine() {
        let empty = || LoopbackOnly::default().empty();
        let address = |text: &str| text.parse::<SocketAddr>().expect("an address");
        let mixed = [address("203.0.113.7:80"), address("127.0.0.1:80"), address("[::1]:80")];
        let kept = loopback_only(empty(), &mixed).expect("the loopback ones");
        assert_eq!(&kept[..], &[address("127.0.0.1:80"), address("[::1]:80")]);
        let elsewhere = [address("203.0.113.7:80")];
        assert!(matches!(loopback_only(empty(), &elsewhere), Err(ureq::Error::HostNotFound)));
    }
}
