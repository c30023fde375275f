//! A committee's FROST signature is what the chain's own Ed25519 checks accept (PROTOCOL.md
//! section 14): `sp_io::crypto::ed25519_verify`, `sp_core::ed25519`, and a
//! `MultiSignature::Ed25519` against the key's `AccountId32`, so the key is an ordinary account.

use mpc_primitives::{
	frost::{
		commit, finish_dkg, round1, seal_envelope, sign, signing_package, AttemptContext,
		DkgOutcome, FrostGroup, KeyPackage, Member, MemberShape,
	},
	ParticipantIndex, WorkerSecret,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sp_core::{crypto::Pair as _, ed25519};
use sp_runtime::{traits::Verify, AccountId32, MultiSignature};

fn idx(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

/// A 5-member key with `t = 2` made as the chain makes it, and the members' key packages.
fn key() -> (FrostGroup, Vec<KeyPackage>) {
	let (n, t) = (5u32, 2u32);
	let ctx = AttemptContext { genesis: [3u8; 32], key: 0, attempt: 0 };
	let secrets: Vec<_> = (1..=n)
		.map(|i| WorkerSecret::from_uniform_bytes(&[i as u8; 64]).expect("secret"))
		.collect();
	let keys: Vec<_> = secrets.iter().map(|s| *s.public_key()).collect();
	let accounts: Vec<[u8; 32]> = (1..=n).map(|i| [i as u8; 32]).collect();
	let member = |i: u32| Member {
		secret: &secrets[i as usize - 1],
		ctx: &ctx,
		shape: MemberShape { index: idx(i), n, t },
		account: &accounts[i as usize - 1],
		keys: &keys,
	};
	let packages: Vec<_> = (1..=n).map(|i| round1(&member(i)).expect("round 1")).collect();
	let envelopes: Vec<_> =
		(1..=n).map(|j| seal_envelope(&member(j), &packages).expect("envelope")).collect();
	let mut rng = ChaCha20Rng::seed_from_u64(0);
	let members = (1..=n)
		.map(|i| match finish_dkg(&member(i), &packages, &envelopes, &mut rng).expect("dkg") {
			DkgOutcome::Key(k) => k,
			DkgOutcome::Complain { .. } => panic!("honest members do not complain"),
		})
		.collect();
	(FrostGroup::from_round1(t, &packages).expect("key"), members)
}

fn sign_with(
	group: &FrostGroup,
	members: &[KeyPackage],
	signers: &[u32],
	message: &[u8],
) -> [u8; 64] {
	let mut rng = ChaCha20Rng::seed_from_u64(message.len() as u64);
	let drawn: Vec<_> = signers
		.iter()
		.map(|&i| commit(&members[i as usize - 1], &mut rng).expect("commit"))
		.collect();
	let commitments: Vec<_> = signers.iter().zip(&drawn).map(|(&i, (_, c))| (idx(i), *c)).collect();
	let package = signing_package(message, &commitments).expect("package");
	let shares: Vec<_> = signers
		.iter()
		.zip(drawn)
		.map(|(&i, (nonces, _))| {
			(idx(i), sign(&package, nonces, &members[i as usize - 1]).expect("share"))
		})
		.collect();
	group.aggregate(&package, &shares).expect("signature")
}

#[test]
fn a_committee_signature_is_an_ordinary_ed25519_signature_of_an_ordinary_account() {
	let (group, members) = key();
	let message = b"a transfer from the committee's account".as_slice();
	let signature = sign_with(&group, &members, &[2, 3, 5], message);

	let public = ed25519::Public::from_raw(group.group_key());
	let sig = ed25519::Signature::from_raw(signature);
	assert!(sp_io::crypto::ed25519_verify(&sig, message, &public));
	assert!(ed25519::Pair::verify(&sig, message, &public));
	assert!(!sp_io::crypto::ed25519_verify(&sig, b"another transfer", &public));

	let account = AccountId32::new(group.group_key());
	assert!(MultiSignature::Ed25519(sig).verify(message, &account));
	// Another committee member set signs the same message just as well.
	let again = ed25519::Signature::from_raw(sign_with(&group, &members, &[1, 4, 5], message));
	assert!(MultiSignature::Ed25519(again).verify(message, &account));
}
