//! Recipes for tests and benchmarks that need inputs the protocol forbids: a share dealt
//! wrong on purpose, or one share encrypted again under another context. Behind the
//! `test-utils` feature; production code never needs them.
//!
//! Each recipe exists once, here, so every test of a cheating provider (primitives, worker,
//! pallet, benchmarks, end-to-end) builds the same cheat.

use alloc::vec::Vec;

use crate::{
	encryption::{derive_key, encrypt_share, open, seal, share_aad},
	DealerContext, EphemeralKey, InputContext, KeyDealing, ParticipantIndex, Point, Scalar, Share,
	Submission, WorkerSecret, KEY_SHARE_CIPHERTEXT_LEN,
};

/// Encrypts `share` to the worker holding `secret`, as a dealer with ephemeral key `R`
/// (`ephemeral_key`) would for input context `ctx` and worker `index`. Uses `K = e·R`, which
/// equals the dealer's `r·E`.
pub fn encrypt_share_to(
	secret: &WorkerSecret,
	ctx: &InputContext,
	index: ParticipantIndex,
	ephemeral_key: &EphemeralKey,
	share: &Share,
) -> Vec<u8> {
	let shared = secret.shared_secret(ephemeral_key);
	let key = derive_key(ctx, index, ephemeral_key, secret.public_key(), shared.as_bytes());
	encrypt_share(&key, &share_aad(ctx, index), share)
}

/// Replaces worker `index`'s ciphertext in `submission` with an encryption of its share with
/// the first value plus `delta`: a share that decrypts but fails the check of PROTOCOL.md
/// section 6, so worker `index` (whose secret is `secret`) rightly complains. `d` is the
/// job's dimension.
///
/// # Panics
/// If the submission's `R` or worker `index`'s ciphertext is not valid for `secret`.
pub fn corrupt_share(
	secret: &WorkerSecret,
	ctx: &InputContext,
	index: ParticipantIndex,
	submission: &mut Submission,
	d: usize,
	delta: Scalar,
) {
	#![allow(clippy::expect_used, clippy::indexing_slicing)]
	let r = EphemeralKey::from_bytes(&submission.ephemeral_key).expect("a valid R");
	let slot = index.get() as usize - 1;
	let good = secret
		.open_share(ctx, index, &r, &submission.ciphertexts[slot], d)
		.expect("the worker's share decrypts");
	let mut values = good.values().to_vec();
	values[0] += delta;
	let bad = Share::new(values, *good.blinding()).expect("d values");
	submission.ciphertexts[slot] = encrypt_share_to(secret, ctx, index, &r, &bad);
}

/// Replaces member `index`'s ciphertext in a key dealing with an encryption of its share plus
/// `delta`: a share that decrypts but fails the check of PROTOCOL.md section 11.3, so member
/// `index` (whose secret is `secret`) rightly complains.
///
/// # Panics
/// If the dealing's `R`, commitments or member `index`'s ciphertext is not valid for `secret`.
pub fn corrupt_key_share(
	secret: &WorkerSecret,
	ctx: &DealerContext,
	index: ParticipantIndex,
	dealing: &mut KeyDealing,
	delta: Scalar,
) {
	#![allow(clippy::expect_used, clippy::indexing_slicing)]
	let r = EphemeralKey::from_bytes(&dealing.ephemeral_key).expect("a valid R");
	let commitments: Vec<Point> =
		dealing.commitments.iter().map(|a| Point::from_bytes(a).expect("a valid A")).collect();
	let slot = index.get() as usize - 1;
	secret
		.open_key_share(ctx, index, &r, &dealing.ciphertexts[slot], &commitments)
		.expect("the member's share decrypts and checks");
	shift_key_share(secret, ctx, index, dealing, delta);
}

/// Adds `delta` to member `index`'s key share in `dealing`, whatever that share is (checked or
/// not), and seals it again under the same key: e.g. to turn a share [`corrupt_key_share`] made
/// bad back into the good one, as a dealer who knows `r` could on another branch of a fork.
///
/// # Panics
/// If the dealing's `R` or member `index`'s ciphertext is not valid for `secret`.
pub fn shift_key_share(
	secret: &WorkerSecret,
	ctx: &DealerContext,
	index: ParticipantIndex,
	dealing: &mut KeyDealing,
	delta: Scalar,
) {
	#![allow(clippy::expect_used, clippy::indexing_slicing)]
	let r = EphemeralKey::from_bytes(&dealing.ephemeral_key).expect("a valid R");
	let slot = index.get() as usize - 1;
	let shared = secret.shared_secret(&r);
	let key = derive_key(ctx, index, &r, secret.public_key(), shared.as_bytes());
	let aad = share_aad(ctx, index);
	let plain = open(&key, &aad, &dealing.ciphertexts[slot]).expect("decrypts");
	let share = Scalar::from_canonical_slice(&plain).expect("a canonical share");
	let sealed = seal(&key, &aad, &(share + delta).to_bytes());
	dealing.ciphertexts[slot] =
		<[u8; KEY_SHARE_CIPHERTEXT_LEN]>::try_from(sealed.as_slice()).expect("48 bytes");
}
