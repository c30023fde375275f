//! The worker key: an ed25519 application key of type `mpcw`.
//!
//! A node's worker key lives in its keystore (inserted with `key insert --key-type mpcw
//! --scheme ed25519` or `author_insertKey`). Its public key is the worker's account, which signs
//! the worker's transactions. The worker's encryption secret `e` is derived from a signature
//! by this key (see the `mpc-offchain-worker` crate): ed25519 signatures are deterministic,
//! so `e` is the same after every restart, and it never leaves the node.

use sp_core::crypto::KeyTypeId;

/// The key type of MPC worker keys.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"mpcw");

mod app {
	use sp_application_crypto::{app_crypto, ed25519};
	app_crypto!(ed25519, super::KEY_TYPE);
}

#[cfg(feature = "std")]
pub use app::Pair;
pub use app::{Public, Signature};

/// The worker identity for `frame_system::offchain::Signer`, in runtimes whose signatures are
/// `MultiSignature`.
pub struct AuthorityId;

impl frame_system::offchain::AppCrypto<sp_runtime::MultiSigner, sp_runtime::MultiSignature>
	for AuthorityId
{
	type RuntimeAppPublic = Public;
	type GenericSignature = sp_core::ed25519::Signature;
	type GenericPublic = sp_core::ed25519::Public;
}
