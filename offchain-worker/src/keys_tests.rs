//! Tests of a key member's decisions: a DKG run by `dkg_step` alone, a complaint, and signing
//! with nonces used once whatever the restarts and forks.

use super::*;
use alloc::collections::BTreeMap;
use mpc_primitives::frost::{
	attempt_digest, envelope_digest, seal_envelope_with_bad_share, FrostGroup, SenderContext,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const GENESIS: [u8; 32] = [6u8; 32];
const KEY: u64 = 3;

fn idx(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

struct Committee {
	secrets: Vec<WorkerSecret>,
	keys: Vec<EncryptionKey>,
	accounts: Vec<[u8; 32]>,
	t: u32,
}

impl Committee {
	fn new(n: u32, t: u32) -> Self {
		let mut rng = ChaCha20Rng::seed_from_u64(11);
		let secrets: Vec<WorkerSecret> = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
		let keys = secrets.iter().map(|s| *s.public_key()).collect();
		let accounts = (1..=n).map(|i| [i as u8; 32]).collect();
		Self { secrets, keys, accounts, t }
	}

	fn n(&self) -> u32 {
		self.secrets.len() as u32
	}

	fn chain(&self, i: u32, now: u32) -> MemberContext {
		MemberContext { genesis: GENESIS, account: [i as u8; 32], now }
	}

	fn view<'a>(
		&'a self,
		i: u32,
		step: Step,
		packages: &'a [Round1Package],
		envelopes: &'a [(Envelope, [u8; 32])],
	) -> AttemptView<'a> {
		AttemptView {
			key: KEY,
			attempt: 0,
			threshold: self.t,
			index: idx(i),
			members: &self.keys,
			accounts: &self.accounts,
			step,
			opened: 10,
			until: 20,
			posted: false,
			packages,
			envelopes,
		}
	}

	fn step(
		&self,
		i: u32,
		view: &AttemptView<'_>,
		now: u32,
		progress: &mut KeyProgress,
	) -> Option<KeyAction> {
		let secret = &self.secrets[i as usize - 1];
		let mut rng = ChaCha20Rng::seed_from_u64(u64::from(i));
		dkg_step(secret, &self.chain(i, now), view, progress, &Limits::default(), &mut rng)
			.expect("no error")
	}

	/// Every member's round-1 package, as its `dkg_step` makes it.
	fn round1(&self) -> Vec<Round1Package> {
		(1..=self.n())
			.map(|i| {
				match self.step(
					i,
					&self.view(i, Step::Round1, &[], &[]),
					10,
					&mut Default::default(),
				) {
					Some(KeyAction::Round1 { package, .. }) => package,
					other => panic!("member {i} posts a package: {other:?}"),
				}
			})
			.collect()
	}

	fn envelopes(&self, packages: &[Round1Package]) -> Vec<(Envelope, [u8; 32])> {
		(1..=self.n())
			.map(|i| {
				let view = self.view(i, Step::Round2, packages, &[]);
				match self.step(i, &view, 10, &mut Default::default()) {
					Some(KeyAction::Envelope { envelope, .. }) => {
						let digest = self.digest(i, packages, &envelope);
						(envelope, digest)
					}
					other => panic!("member {i} posts an envelope: {other:?}"),
				}
			})
			.collect()
	}

	fn digest(&self, j: u32, packages: &[Round1Package], envelope: &Envelope) -> [u8; 32] {
		let ctx = SenderContext {
			attempt: AttemptContext { genesis: GENESIS, key: KEY, attempt: 0 },
			sender: idx(j),
		};
		envelope_digest(&ctx, &packages[j as usize - 1].commitments, envelope)
	}

	fn key_package(
		&self,
		i: u32,
		packages: &[Round1Package],
		envelopes: &[Envelope],
		group_key: [u8; 32],
	) -> Result<KeyPackage, KeyError> {
		let material = KeyMaterial {
			key: KEY,
			attempt: 0,
			threshold: self.t,
			index: idx(i),
			members: &self.keys,
			group_key,
			packages,
			envelopes,
		};
		key_package(
			&self.secrets[i as usize - 1],
			&self.chain(i, 30),
			&material,
			&mut ChaCha20Rng::seed_from_u64(0),
		)
	}
}

#[test]
fn members_run_the_dkg_step_by_step_and_resend_the_same_bytes() {
	let c = Committee::new(5, 2);
	let packages = c.round1();
	// Nothing before the step opens, nothing twice within the resubmission delay, the same
	// package after it (a dropped transaction).
	let view = c.view(2, Step::Round1, &[], &[]);
	let mut progress = KeyProgress::default();
	let first = c.step(2, &view, 10, &mut progress).expect("a package");
	// It names the attempt as the chain does: `A` over the threshold and every (W_i, E_i).
	let KeyAction::Round1 { attempt_digest: a, .. } = &first else { panic!("a package") };
	let members: Vec<([u8; 32], EncryptionKey)> =
		c.accounts.iter().copied().zip(c.keys.iter().copied()).collect();
	let ctx = AttemptContext { genesis: GENESIS, key: KEY, attempt: 0 };
	assert_eq!(*a, attempt_digest(&ctx, 2, &members));
	assert_eq!(c.step(2, &view, 11, &mut progress), None);
	let again = c.step(2, &view, 10 + Limits::default().resubmit_after, &mut progress);
	assert_eq!(again, Some(first));
	assert_eq!(c.step(2, &view, 19, &mut KeyProgress::default()), None, "lands too late");
	let posted = AttemptView { posted: true, ..view };
	assert_eq!(c.step(2, &posted, 12, &mut KeyProgress::default()), None);

	let view = c.view(1, Step::Round2, &packages, &[]);
	assert_eq!(c.step(1, &view, 9, &mut KeyProgress::default()), None, "round 2 not open");
	let envelopes = c.envelopes(&packages);
	// An honest attempt: nobody complains, every key package agrees with the chain's key.
	for i in 1..=5 {
		let view = c.view(i, Step::Complaints, &packages, &envelopes);
		assert_eq!(c.step(i, &view, 12, &mut KeyProgress::default()), None);
	}
	let group = FrostGroup::from_round1(2, &packages).expect("key");
	let plain: Vec<Envelope> = envelopes.iter().map(|(e, _)| e.clone()).collect();
	for i in 1..=5 {
		assert!(c.key_package(i, &packages, &plain, group.group_key()).is_ok());
	}
	assert_eq!(c.key_package(1, &packages, &plain, [9u8; 32]).err(), Some(KeyError::KeyMismatch));
}

#[test]
fn a_member_complains_about_a_bad_share_naming_the_envelope() {
	let c = Committee::new(4, 1);
	let packages = c.round1();
	let mut envelopes = c.envelopes(&packages);
	let ctx = AttemptContext { genesis: GENESIS, key: KEY, attempt: 0 };
	let sender = Member {
		secret: &c.secrets[2],
		ctx: &ctx,
		shape: MemberShape { index: idx(3), n: 4, t: 1 },
		account: &[3u8; 32],
		keys: &c.keys,
	};
	let bad = seal_envelope_with_bad_share(&sender, &packages, idx(1)).expect("envelope");
	envelopes[2] = (bad.clone(), c.digest(3, &packages, &bad));
	let view = c.view(1, Step::Complaints, &packages, &envelopes);
	let mut progress = KeyProgress::default();
	match c.step(1, &view, 12, &mut progress) {
		Some(KeyAction::Complain { sender, digest, .. }) => {
			assert_eq!(sender, idx(3));
			assert_eq!(digest, envelopes[2].1);
		}
		other => panic!("member 1 complains: {other:?}"),
	}
	assert_eq!(c.step(1, &view, 13, &mut progress), None, "not twice in a row");
	// The others have no complaint; member 1 has no key share.
	assert_eq!(
		c.step(
			2,
			&c.view(2, Step::Complaints, &packages, &envelopes),
			12,
			&mut KeyProgress::default()
		),
		None
	);
	let plain: Vec<Envelope> = envelopes.iter().map(|(e, _)| e.clone()).collect();
	let y = FrostGroup::from_round1(1, &packages).expect("key").group_key();
	assert_eq!(c.key_package(1, &packages, &plain, y).err(), Some(KeyError::NoKeyShare));
}

#[derive(Default)]
struct MemStore(BTreeMap<(u64, u32), NonceSlot>);

impl NonceStore for MemStore {
	fn get(&self, request: u64, attempt: u32) -> Option<NonceSlot> {
		self.0.get(&(request, attempt)).cloned()
	}
	fn put_fresh(&mut self, request: u64, attempt: u32, nonces: &[u8; 64], now: u32) -> bool {
		if self.0.contains_key(&(request, attempt)) {
			return false;
		}
		self.0.insert((request, attempt), NonceSlot::Fresh(Zeroizing::new(*nonces), now));
		true
	}
	fn resent(&mut self, request: u64, attempt: u32, now: u32) {
		if let Some(NonceSlot::Fresh(_, sent)) = self.0.get_mut(&(request, attempt)) {
			*sent = now;
		}
	}
	fn take(&mut self, request: u64, attempt: u32) -> Option<Zeroizing<[u8; 64]>> {
		match self.0.insert((request, attempt), NonceSlot::Used) {
			Some(NonceSlot::Fresh(bytes, _)) => Some(bytes),
			other => {
				if let Some(o) = other {
					self.0.insert((request, attempt), o);
				}
				None
			}
		}
	}
}

struct Signing {
	packages: Vec<KeyPackage>,
	group: FrostGroup,
}

fn signing_committee() -> Signing {
	let c = Committee::new(5, 2);
	let round1 = c.round1();
	let envelopes: Vec<Envelope> = c.envelopes(&round1).into_iter().map(|(e, _)| e).collect();
	let group = FrostGroup::from_round1(2, &round1).expect("key");
	let packages = (1..=5)
		.map(|i| c.key_package(i, &round1, &envelopes, group.group_key()).expect("package"))
		.collect();
	Signing { packages, group }
}

fn sign_view<'a>(
	i: u32,
	message: &'a [u8],
	commitments: &'a [(ParticipantIndex, SigningCommitment)],
	fixed: bool,
) -> SignView<'a> {
	SignView {
		genesis: GENESIS,
		key: KEY,
		request: 7,
		attempt: 0,
		message,
		index: idx(i),
		excluded: false,
		commitments,
		fixed,
		shared: false,
		now: 40,
	}
}

fn run(
	s: &Signing,
	i: u32,
	view: &SignView<'_>,
	store: &mut MemStore,
	seed: u64,
) -> Option<KeyAction> {
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	let package = s.packages[i as usize - 1].clone();
	sign_step(view, |_| Ok(package), store, &Limits::default(), &mut rng).expect("no error")
}

#[test]
fn members_sign_with_nonces_used_once_across_restarts_and_forks() {
	let s = signing_committee();
	let message = b"transfer".as_slice();
	let mut stores: Vec<MemStore> = (0..5).map(|_| MemStore::default()).collect();
	let mut commitments = Vec::new();
	for i in [2u32, 4, 5] {
		let view = sign_view(i, message, &[], false);
		let Some(KeyAction::Commit { commitment, .. }) =
			run(&s, i, &view, &mut stores[i as usize - 1], u64::from(i))
		else {
			panic!("member {i} commits")
		};
		// Not again while it may still land; then (a dropped transaction, or a restart with
		// other randomness) the same commitment, from the stored nonces.
		assert_eq!(run(&s, i, &view, &mut stores[i as usize - 1], 99), None);
		let later = SignView { now: view.now + Limits::default().resubmit_after, ..view };
		let again = run(&s, i, &later, &mut stores[i as usize - 1], 99);
		assert_eq!(again, Some(KeyAction::Commit { request: 7, attempt: 0, commitment }));
		commitments.push((idx(i), commitment));
	}
	// Once its commitment is on chain, a member waits for the signers to be fixed.
	let view = sign_view(2, message, &commitments[..1], false);
	assert_eq!(run(&s, 2, &view, &mut stores[1], 1), None);
	// An excluded member does nothing.
	let excluded = SignView { excluded: true, ..sign_view(1, message, &[], false) };
	assert_eq!(run(&s, 1, &excluded, &mut stores[0], 1), None);

	let mut shares = Vec::new();
	for i in [2u32, 4, 5] {
		let view = sign_view(i, message, &commitments, true);
		let Some(KeyAction::Share { share, .. }) =
			run(&s, i, &view, &mut stores[i as usize - 1], 3)
		else {
			panic!("member {i} signs")
		};
		// The nonces are gone: no second share, even if the first never lands.
		assert_eq!(run(&s, i, &view, &mut stores[i as usize - 1], 3), None);
		assert_eq!(stores[i as usize - 1].get(7, 0), Some(NonceSlot::Used));
		shares.push((idx(i), share));
	}
	let package = signing_package(message, &commitments).expect("package");
	for (i, z) in &shares {
		s.group.verify_share(&package, *i, z).expect("valid share");
	}
	s.group.aggregate(&package, &shares).expect("signature");

	// On another branch the same request and attempt carry another message: the member whose
	// nonces are used does not sign there, nor commit again.
	let other = sign_view(2, b"another transfer", &commitments, true);
	assert_eq!(run(&s, 2, &other, &mut stores[1], 4), None);
	assert_eq!(run(&s, 2, &sign_view(2, message, &[], false), &mut stores[1], 4), None);
}

#[test]
fn a_member_signs_only_over_its_own_commitment() {
	let s = signing_committee();
	let message = b"m".as_slice();
	let mut store = MemStore::default();
	let Some(KeyAction::Commit { commitment, .. }) =
		run(&s, 1, &sign_view(1, message, &[], false), &mut store, 1)
	else {
		panic!("commits")
	};
	// Another branch holds another commitment of member 1 (made before a wiped store): its
	// stored nonces do not commit to it, so it does not sign, and keeps them.
	let (_, foreign) = commit(&s.packages[0], &mut ChaCha20Rng::seed_from_u64(50)).expect("c");
	let (_, c2) = commit(&s.packages[1], &mut ChaCha20Rng::seed_from_u64(51)).expect("c");
	let (_, c3) = commit(&s.packages[2], &mut ChaCha20Rng::seed_from_u64(52)).expect("c");
	let list = [(idx(1), foreign), (idx(2), c2), (idx(3), c3)];
	assert_eq!(run(&s, 1, &sign_view(1, message, &list, true), &mut store, 2), None);
	assert!(matches!(store.get(7, 0), Some(NonceSlot::Fresh(..))));
	let list = [(idx(1), commitment), (idx(2), c2), (idx(3), c3)];
	assert!(matches!(
		run(&s, 1, &sign_view(1, message, &list, true), &mut store, 2),
		Some(KeyAction::Share { .. })
	));
	// A slot encodes and decodes as the store keeps it.
	let slot = NonceSlot::Fresh(Zeroizing::new([7u8; 64]), 12);
	assert_eq!(NonceSlot::decode(&mut &slot.encode()[..]).ok(), Some(slot));
	assert_eq!(NonceSlot::decode(&mut &NonceSlot::Used.encode()[..]).ok(), Some(NonceSlot::Used));
}
