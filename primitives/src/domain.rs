//! Domain-separation tags of protocol v1 (PROTOCOL.md, every section, the beacon's of
//! section 11 included).
//!
//! Written once, here. Every hash in the protocol starts with exactly one of these tags, so a
//! value hashed for one purpose can never be replayed as another. The version is part of every
//! tag: a protocol change bumps all of them together.

/// Protocol version string, the common prefix of every tag.
pub const PROTOCOL_VERSION: &str = "substrate-mpc/v1";

/// `G_l = HashToPoint(DST_GENERATOR || u32le(l))` for `l >= 1` (section 2).
pub const DST_GENERATOR: &[u8] = b"substrate-mpc/v1/G";
/// `H = HashToPoint(DST_BLINDING_GENERATOR)` (section 2).
pub const DST_BLINDING_GENERATOR: &[u8] = b"substrate-mpc/v1/H";
/// Challenge of the proof of possession of a worker key (section 3).
pub const DST_POP: &[u8] = b"substrate-mpc/v1/pop";
/// Challenge of the dealing proof of knowledge of `r` (section 5, step 4).
pub const DST_DEALING: &[u8] = b"substrate-mpc/v1/dealing";
/// Share-encryption key derivation (section 5, step 5).
pub const DST_KDF: &[u8] = b"substrate-mpc/v1/kdf";
/// Associated data of a share ciphertext (section 5, step 5).
pub const DST_SHARE: &[u8] = b"substrate-mpc/v1/share";
/// Challenge of the DLEQ complaint proof (section 7).
pub const DST_DLEQ: &[u8] = b"substrate-mpc/v1/dleq";
/// Challenge of the DKG dealing proof of knowledge of `a_{j,0}` and `r` (section 11.2).
pub const DST_DKG_DEALING: &[u8] = b"substrate-mpc/v1/dkg/dealing";
/// Key-share encryption key derivation (section 11.2, step 6).
pub const DST_DKG_KDF: &[u8] = b"substrate-mpc/v1/dkg/kdf";
/// Associated data of a key-share ciphertext (section 11.2, step 6).
pub const DST_DKG_SHARE: &[u8] = b"substrate-mpc/v1/dkg/share";
/// Challenge of the DLEQ proof of a complaint against a dealing (section 11.3).
pub const DST_DKG_DLEQ: &[u8] = b"substrate-mpc/v1/dkg/dleq";
/// Digest `h_j` naming a dealing in a complaint (section 11.3).
pub const DST_DKG_DIGEST: &[u8] = b"substrate-mpc/v1/dkg/digest";
/// Digest of an epoch's group commitments (section 11.4).
pub const DST_DKG_KEY: &[u8] = b"substrate-mpc/v1/dkg/key";
/// `P_r`, the point a round's shares multiply (section 11.5).
pub const DST_BEACON_POINT: &[u8] = b"substrate-mpc/v1/beacon/point";
/// Challenge of a round share's DLEQ proof (section 11.5).
pub const DST_BEACON_DLEQ: &[u8] = b"substrate-mpc/v1/beacon/dleq";
/// A round's output `rho_r` (section 11.5).
pub const DST_BEACON_OUTPUT: &[u8] = b"substrate-mpc/v1/beacon/output";
/// A value derived from a round for a subject (section 11.6).
pub const DST_BEACON_SUBJECT: &[u8] = b"substrate-mpc/v1/beacon/subject";
/// A job's committee seed derived from its draw round (section 11.6).
pub const DST_BEACON_COMMITTEE: &[u8] = b"substrate-mpc/v1/beacon/committee";
/// The shuffle that draws a job's committee from its seed (section 11.6).
pub const DST_BEACON_DRAW: &[u8] = b"substrate-mpc/v1/beacon/draw";
/// Challenge of the one-hot validity proof of an input (section 12.2).
pub const DST_ONEHOT: &[u8] = b"substrate-mpc/v1/onehot";
/// Label of the merlin transcript of an input's range proof (section 12.3).
pub const DST_RANGE: &[u8] = b"substrate-mpc/v1/range";
/// Challenge of the linking proof of a range proof's component commitments (section 12.3).
pub const DST_LINK: &[u8] = b"substrate-mpc/v1/link";
/// Challenge of an envelope's proof of knowledge of `r` (section 14.4).
pub const DST_FROST_ENVELOPE: &[u8] = b"substrate-mpc/v1/frost/envelope";
/// Round-2 share encryption key derivation (section 14.4).
pub const DST_FROST_KDF: &[u8] = b"substrate-mpc/v1/frost/kdf";
/// Associated data of a round-2 share ciphertext (section 14.4).
pub const DST_FROST_SHARE: &[u8] = b"substrate-mpc/v1/frost/share";
/// Challenge of the DLEQ proof of a complaint against an envelope (section 14.5).
pub const DST_FROST_DLEQ: &[u8] = b"substrate-mpc/v1/frost/dleq";
/// Digest `h_j` naming a member's round-1 package and envelope in a complaint (section 14.5).
pub const DST_FROST_DIGEST: &[u8] = b"substrate-mpc/v1/frost/digest";
/// Digest of a threshold key (section 14.5).
pub const DST_FROST_KEY: &[u8] = b"substrate-mpc/v1/frost/key";
/// Seed of a key committee's draw from a beacon round (section 14.8).
pub const DST_FROST_COMMITTEE: &[u8] = b"substrate-mpc/v1/frost/committee";
/// Digest `A` naming a DKG attempt in its packages and envelopes (section 14.3).
pub const DST_FROST_ATTEMPT: &[u8] = b"substrate-mpc/v1/frost/attempt";
/// Digest `P` naming a signing package in a signature share (section 14.6).
pub const DST_FROST_PACKAGE: &[u8] = b"substrate-mpc/v1/frost/package";

/// Local only, never on the wire: hedged proof nonces `k = HashToScalar(DST_NONCE || secret ||
/// random bytes)`, so a weak RNG cannot leak a secret through a proof.
pub const DST_NONCE: &[u8] = b"substrate-mpc/v1/local/nonce";
/// Local only: the seed of a key member's DKG randomness (section 14.3, the reference worker).
pub const DST_FROST_DKG_RNG: &[u8] = b"substrate-mpc/v1/local/frost-dkg";
/// Local only: the seed of a key member's refresh randomness (section 14.9, the reference
/// worker).
pub const DST_FROST_REFRESH_RNG: &[u8] = b"substrate-mpc/v1/local/frost-refresh";
/// Digest `A_r` naming a refresh attempt in its packages and envelopes (section 14.9).
pub const DST_FROST_REFRESH: &[u8] = b"substrate-mpc/v1/frost/refresh";
/// Digest `C` by which a key member confirms that its shares of an attempt all check
/// (section 14.5).
pub const DST_FROST_CONFIRM: &[u8] = b"substrate-mpc/v1/frost/confirm";
/// Local only: the seed of a range-proof verifier's weighing of its two checks
/// (`SHA-512(DST_RANGE_VERIFIER || ctx || rule || C_0 || proof)`), the same on every node.
pub const DST_RANGE_VERIFIER: &[u8] = b"substrate-mpc/v1/local/range-verifier";

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_tag_starts_with_the_version() {
		for tag in [
			DST_ONEHOT,
			DST_RANGE,
			DST_LINK,
			DST_RANGE_VERIFIER,
			DST_GENERATOR,
			DST_BLINDING_GENERATOR,
			DST_POP,
			DST_DEALING,
			DST_KDF,
			DST_SHARE,
			DST_DLEQ,
			DST_DKG_DEALING,
			DST_DKG_KDF,
			DST_DKG_SHARE,
			DST_DKG_DLEQ,
			DST_DKG_DIGEST,
			DST_DKG_KEY,
			DST_BEACON_POINT,
			DST_BEACON_DLEQ,
			DST_BEACON_OUTPUT,
			DST_BEACON_SUBJECT,
			DST_BEACON_COMMITTEE,
			DST_BEACON_DRAW,
			DST_NONCE,
			DST_FROST_ENVELOPE,
			DST_FROST_KDF,
			DST_FROST_SHARE,
			DST_FROST_DLEQ,
			DST_FROST_DIGEST,
			DST_FROST_KEY,
			DST_FROST_COMMITTEE,
			DST_FROST_ATTEMPT,
			DST_FROST_PACKAGE,
			DST_FROST_DKG_RNG,
			DST_FROST_REFRESH_RNG,
			DST_FROST_REFRESH,
			DST_FROST_CONFIRM,
		] {
			assert!(tag.starts_with(PROTOCOL_VERSION.as_bytes()));
			assert_eq!(tag.get(PROTOCOL_VERSION.len()), Some(&b'/'));
		}
	}
}
