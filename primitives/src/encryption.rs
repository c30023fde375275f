//! Share encryption of PROTOCOL.md section 5, step 5.
//!
//! `key_i = SHA512(DST_KDF || genesis || u64le(job_id) || P || u32le(i) || R || E_i || K_i)[0..32]`,
//! `aad_i = DST_SHARE || genesis || u64le(job_id) || P || u32le(i)`, and
//! `ct_i = ChaCha20-Poly1305(key_i, 12 zero bytes, aad_i, s_i)` with the tag appended.
//! The all-zero nonce is safe because every key encrypts exactly one message: `R` is fresh
//! per submission and the chain refuses a repeated `R` within a job, and the key also binds
//! the job, the provider and the worker.

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

/// Length of the Poly1305 tag appended to every ciphertext.
pub const TAG_LEN: usize = 16;

/// Length of a share ciphertext for dimension `d`: `32 (d + 1) + 16`.
/// Saturates instead of overflowing, so an absurd `d` yields a length nothing matches.
pub const fn ciphertext_len(d: usize) -> usize {
	Share::serialized_len(d).saturating_add(TAG_LEN)
}

/// `key_i` of worker `index` for one input, from the encoding of `K_i` (a
/// [`crate::SharedSecret`] on the dealer's and worker's side, a published
/// [`crate::SharedKey`] on the chain's).
pub fn derive_key(
	ctx: &InputContext,
	index: ParticipantIndex,
	ephemeral_key: &EphemeralKey,
	worker_key: &EncryptionKey,
	shared_key: &[u8; 32],
) -> Zeroizing<[u8; 32]> {
	let mut t = Transcript::new(DST_KDF);
	ctx.append_to(&mut t);
	t.append_u32(index.get())
		.append(ephemeral_key.as_bytes())
		.append(worker_key.as_bytes())
		.append(shared_key);
	let digest = Zeroizing::new(t.finalize());
	let mut key = Zeroizing::new([0u8; 32]);
	key.copy_from_slice(digest.get(..32).unwrap_or(&[0u8; 32]));
	key
}

/// `aad_i` of worker `index` for one input.
pub fn share_aad(ctx: &InputContext, index: ParticipantIndex) -> Vec<u8> {
	let mut aad = Vec::with_capacity(DST_SHARE.len() + 32 + 8 + 32 + 4);
	aad.extend_from_slice(DST_SHARE);
	aad.extend_from_slice(&ctx.job.genesis);
	aad.extend_from_slice(&ctx.job.job_id.to_le_bytes());
	aad.extend_from_slice(&ctx.provider);
	aad.extend_from_slice(&index.get().to_le_bytes());
	aad
}

/// Encrypts a share under `key` with associated data `aad`.
pub fn encrypt_share(key: &[u8; 32], aad: &[u8], share: &Share) -> Vec<u8> {
	let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
	let plaintext = share.to_bytes();
	let mut buffer = Vec::with_capacity(plaintext.len() + TAG_LEN);
	buffer.extend_from_slice(&plaintext);
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
	let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
	let mut buffer = Zeroizing::new(ciphertext.to_vec());
	cipher
		.decrypt_in_place(Nonce::from_slice(&[0u8; 12]), aad, &mut *buffer)
		.map_err(|_| ShareError::DecryptionFailed)?;
	Share::from_bytes(&buffer, d)
}
