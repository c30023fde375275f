//! Share encryption of PROTOCOL.md section 5, step 5.
//!
//! `key_i = SHA512(DST_KDF || genesis || u64le(job_id) || P || u32le(i) || R || E_i || K_i)[0..32]`,
//! `aad_i = DST_SHARE || genesis || u64le(job_id) || P || u32le(i)`, and
//! `ct_i = ChaCha20-Poly1305(key_i, 12 zero bytes, aad_i, s_i)` with the tag appended.
//! The all-zero nonce is safe because every key encrypts exactly one message: `R` is fresh
//! per submission and the chain refuses a repeated `R` within a job, and the key also binds
//! the job, the provider and the worker.
//!
//! The DKG of section 11.2 encrypts key shares the same way, with its own tags and context
//! (`genesis || u64le(epoch) || u32le(dealer)`): a [`Channel`] names both.

use alloc::vec::Vec;
use chacha20poly1305::{
	aead::{AeadInPlace, KeyInit},
	ChaCha20Poly1305, Key, Nonce,
};
use zeroize::Zeroizing;

use crate::{
	domain::{DST_KDF, DST_SHARE},
	hash::Transcript,
	shamir::ParticipantIndex,
	EncryptionKey, EphemeralKey, InputContext, Share, ShareError,
};

/// What a share ciphertext is bound to: the tags of its section and the context that follows
/// them in both the key derivation and the associated data.
pub trait Channel {
	/// Tag of the key derivation.
	const KDF_TAG: &'static [u8];
	/// Tag that starts the associated data.
	const AAD_TAG: &'static [u8];
	/// Hands the context's parts, in transcript order, to `sink` (no allocation: this runs
	/// for every share a worker opens).
	fn write_context(&self, sink: &mut dyn FnMut(&[u8]));
}

impl Channel for InputContext {
	const KDF_TAG: &'static [u8] = DST_KDF;
	const AAD_TAG: &'static [u8] = DST_SHARE;
	fn write_context(&self, sink: &mut dyn FnMut(&[u8])) {
		sink(&self.job.genesis);
		sink(&self.job.job_id.to_le_bytes());
		sink(&self.provider);
	}
}

/// Length of the Poly1305 tag appended to every ciphertext.
pub const TAG_LEN: usize = 16;

/// Length of a share ciphertext for dimension `d`: `32 (d + 1) + 16`.
/// Saturates instead of overflowing, so an absurd `d` yields a length nothing matches.
pub const fn ciphertext_len(d: usize) -> usize {
	Share::serialized_len(d).saturating_add(TAG_LEN)
}

/// `key_i` of worker `index` for one input (or one dealing), from the encoding of `K_i` (a
/// [`crate::SharedSecret`] on the dealer's and worker's side, a published
/// [`crate::SharedKey`] on the chain's).
pub fn derive_key<C: Channel>(
	ctx: &C,
	index: ParticipantIndex,
	ephemeral_key: &EphemeralKey,
	worker_key: &EncryptionKey,
	shared_key: &[u8; 32],
) -> Zeroizing<[u8; 32]> {
	let mut t = Transcript::new(C::KDF_TAG);
	ctx.write_context(&mut |part| {
		t.append(part);
	});
	t.append_u32(index.get())
		.append(ephemeral_key.as_bytes())
		.append(worker_key.as_bytes())
		.append(shared_key);
	let digest = Zeroizing::new(t.finalize());
	let mut key = Zeroizing::new([0u8; 32]);
	key.copy_from_slice(digest.get(..32).unwrap_or(&[0u8; 32]));
	key
}

/// `aad_i` of worker `index` for one input (or one dealing).
pub fn share_aad<C: Channel>(ctx: &C, index: ParticipantIndex) -> Vec<u8> {
	let mut aad = Vec::with_capacity(C::AAD_TAG.len() + 32 + 8 + 32 + 4);
	aad.extend_from_slice(C::AAD_TAG);
	ctx.write_context(&mut |part| aad.extend_from_slice(part));
	aad.extend_from_slice(&index.get().to_le_bytes());
	aad
}

/// Encrypts a share under `key` with associated data `aad`.
pub fn encrypt_share(key: &[u8; 32], aad: &[u8], share: &Share) -> Vec<u8> {
	seal(key, aad, &share.to_bytes())
}

/// Encrypts `plaintext` under `key` with associated data `aad` and the zero nonce.
pub(crate) fn seal(key: &[u8; 32], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
	let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
	let mut buffer = Vec::with_capacity(plaintext.len() + TAG_LEN);
	buffer.extend_from_slice(plaintext);
	// Encryption into a Vec cannot fail: the buffer grows and the message is far below the
	// ChaCha20 limit. Should it ever, the result is an undecryptable empty ciphertext, which
	// every worker complains about; never a panic.
	if cipher.encrypt_in_place(Nonce::from_slice(&[0u8; 12]), aad, &mut buffer).is_err() {
		zeroize::Zeroize::zeroize(&mut buffer);
		buffer.clear();
	}
	buffer
}

/// Decrypts and parses a share of dimension `d`.
pub fn decrypt_share(
	key: &[u8; 32],
	aad: &[u8],
	ciphertext: &[u8],
	d: usize,
) -> Result<Share, ShareError> {
	if ciphertext.len() != ciphertext_len(d) {
		return Err(ShareError::DecryptionFailed);
	}
	Share::from_bytes(&open(key, aad, ciphertext)?, d)
}

/// Decrypts `ciphertext` under `key` with associated data `aad` and the zero nonce.
pub(crate) fn open(
	key: &[u8; 32],
	aad: &[u8],
	ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, ShareError> {
	let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
	let mut buffer = Zeroizing::new(ciphertext.to_vec());
	cipher
		.decrypt_in_place(Nonce::from_slice(&[0u8; 12]), aad, &mut *buffer)
		.map_err(|_| ShareError::DecryptionFailed)?;
	Ok(buffer)
}
