//! A committee's FROST signature is what the chain's own Ed25519 checks accept (PROTOCOL.md
//! section 14): `sp_io::crypto::ed25519_verify`, `sp_core::ed25519`, and a
//! `MultiSignature::Ed25519` against the key's `AccountId32`, so the key is an ordinary account.

use mpc_primitives::{
	frost::{
		commit, sign, signing_package, testing::TestCommittee, AttemptContext, FrostGroup,
		KeyPackage,
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
	let ctx = AttemptContext { genesis: [3u8; 32], key: 0, attempt: 0 };
	let secrets =
		(1..=5u8).map(|i| WorkerSecret::from_uniform_bytes(&[i; 64]).expect("secret")).collect();
	let accounts = (1..=5u8).map(|i| [i; 32]).collect();
	let committee = TestCommittee::new(ctx, 2, secrets, accounts);
	let key = committee.make_key(&mut ChaCha20Rng::seed_from_u64(0)).expect("key");
	(key.group, key.members)
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
