//! Tests of a key member's decisions: a DKG run by `dkg_step` alone, a complaint, and signing
//! with nonces used once whatever the restarts and forks.

use super::*;
use alloc::collections::BTreeMap;
use mpc_primitives::frost::{
	attempt_digest, confirm_digest, envelope_digest, seal_envelope_with_bad_share, FrostGroup,
	SenderContext,
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
		.map(|(package, _)| package)
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
	// An honest attempt: nobody complains, every member confirms `C` over the envelopes it
	// checked, again only once the last one had time to land, and not once it is on chain;
	// every key package agrees with the chain's key.
	let ctx = AttemptContext { genesis: GENESIS, key: KEY, attempt: 0 };
	let digests: Vec<[u8; 32]> = envelopes.iter().map(|(_, h)| *h).collect();
	for i in 1..=5 {
		let view = c.view(i, Step::Complaints, &packages, &envelopes);
		let mut progress = KeyProgress::default();
		let confirm = c.step(i, &view, 12, &mut progress);
		assert_eq!(
			confirm,
			Some(KeyAction::Confirm {
				key: KEY,
				attempt: 0,
				attempt_digest: attempt_digest(&ctx, 2, &members),
				confirm_digest: confirm_digest(&ctx, &digests),
			})
		);
		assert_eq!(c.step(i, &view, 13, &mut progress), None, "within the resubmission delay");
		assert_eq!(c.step(i, &view, 12 + Limits::default().resubmit_after, &mut progress), confirm);
		let confirmed = AttemptView { posted: true, ..view };
		assert_eq!(c.step(i, &confirmed, 30, &mut progress), None, "confirmed on chain");
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
	// The others have no complaint (they confirm); member 1 has no key share.
	assert!(matches!(
		c.step(
			2,
			&c.view(2, Step::Complaints, &packages, &envelopes),
			12,
			&mut KeyProgress::default()
		),
		Some(KeyAction::Confirm { .. })
	));
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

/// The refresh of the test below: members 1, 2, 4 and 5 of `c` in attempt 1.
struct Refresh {
	stay: [u32; 4],
	ids: Vec<ParticipantIndex>,
	keys: Vec<EncryptionKey>,
	accounts: Vec<[u8; 32]>,
}

impl Refresh {
	fn new(c: &Committee) -> Self {
		let stay = [1u32, 2, 4, 5];
		Self {
			stay,
			ids: stay.iter().map(|&i| idx(i)).collect(),
			keys: stay.iter().map(|&i| c.keys[i as usize - 1]).collect(),
			accounts: stay.iter().map(|&i| c.accounts[i as usize - 1]).collect(),
		}
	}

	fn material<'a>(
		&'a self,
		p: usize,
		packages: &'a [RefreshPackage],
		envelopes: &'a [Envelope],
	) -> RefreshMaterial<'a> {
		RefreshMaterial {
			key: KEY,
			attempt: 1,
			threshold: 2,
			position: idx(p as u32 + 1),
			ids: &self.ids,
			members: &self.keys,
			accounts: &self.accounts,
			packages,
			envelopes,
		}
	}
}

/// Members 1, 2, 4 and 5 of a key of five refresh it by `refresh_step` alone (member 3
/// left); the key packages they rebuild sign under the same key.
#[test]
fn members_refresh_a_key_step_by_step_and_sign_under_the_same_key() {
	let c = Committee::new(5, 2);
	let round1 = c.round1();
	let dkg_envelopes: Vec<Envelope> = c.envelopes(&round1).into_iter().map(|(e, _)| e).collect();
	let group = FrostGroup::from_round1(2, &round1).expect("key");
	let y = group.group_key();
	let r = Refresh::new(&c);
	let current = |i: u32, rng: &mut ChaCha20Rng| {
		let material = KeyMaterial {
			key: KEY,
			attempt: 0,
			threshold: 2,
			index: idx(i),
			members: &c.keys,
			group_key: y,
			packages: &round1,
			envelopes: &dkg_envelopes,
		};
		key_package(&c.secrets[i as usize - 1], &c.chain(i, 50), &material, rng)
	};
	let step = |p: usize, view: &RefreshView<'_>, now: u32, progress: &mut KeyProgress| {
		let i = r.stay[p];
		let mut rng = ChaCha20Rng::seed_from_u64(u64::from(i));
		refresh_step(
			&c.secrets[i as usize - 1],
			&c.chain(i, now),
			view,
			|rng: &mut ChaCha20Rng| current(i, rng),
			progress,
			&Limits::default(),
			&mut rng,
		)
		.expect("no error")
	};
	let view = |material, step, digests| RefreshView {
		material,
		step,
		opened: 40,
		until: 50,
		posted: false,
		digests,
	};
	let ctx = AttemptContext { genesis: GENESIS, key: KEY, attempt: 1 };

	// Round 1: every member posts `t` points, naming the attempt by `A_r`.
	let mut packages = Vec::new();
	for p in 0..4 {
		let v = view(r.material(p, &[], &[]), Step::Round1, &[]);
		match step(p, &v, 40, &mut KeyProgress::default()) {
			Some(KeyAction::RefreshRound1 { package, attempt_digest, attempt, .. }) => {
				assert_eq!(attempt, 1);
				assert_eq!(attempt_digest, r.material(p, &[], &[]).digest(&ctx).expect("A_r"));
				assert_eq!(package.commitments.len(), 2);
				packages.push(package);
			}
			other => panic!("a refresh package: {other:?}"),
		}
	}
	// Round 2: envelopes with identifiers in their tags.
	let mut envelopes = Vec::new();
	let mut digests = Vec::new();
	for p in 0..4 {
		let v = view(r.material(p, &packages, &[]), Step::Round2, &[]);
		match step(p, &v, 41, &mut KeyProgress::default()) {
			Some(KeyAction::Envelope { envelope, .. }) => {
				let sender = SenderContext { attempt: ctx, sender: r.ids[p] };
				digests.push(envelope_digest(&sender, &packages[p].commitments, &envelope));
				envelopes.push(envelope);
			}
			other => panic!("an envelope: {other:?}"),
		}
	}
	// Complaints: none; every member confirms `C` over the envelopes in identifier order, and
	// checks an envelope set once.
	for p in 0..4 {
		let v = view(r.material(p, &packages, &envelopes), Step::Complaints, &digests);
		let mut progress = KeyProgress::default();
		match step(p, &v, 43, &mut progress) {
			Some(KeyAction::Confirm { attempt: 1, confirm_digest: c, .. }) => {
				assert_eq!(c, mpc_primitives::frost::confirm_digest(&ctx, &digests));
			}
			other => panic!("a confirmation: {other:?}"),
		}
		assert_eq!(progress.clean.len(), 1);
	}
	// Each member rebuilds its key package as DKG plus this refresh; they sign under `Y`.
	let refreshed = group.refreshed(&r.ids, &packages).expect("refreshed");
	let mut rng = ChaCha20Rng::seed_from_u64(9);
	let mut new_packages = Vec::new();
	for p in 0..4 {
		let i = r.stay[p];
		let before = current(i, &mut rng).expect("DKG key package");
		let (kp, g) = refreshed_key_package(
			&c.secrets[i as usize - 1],
			&c.chain(i, 60),
			before.clone(),
			&r.material(p, &packages, &envelopes),
			&mut rng,
		)
		.expect("refreshed");
		assert_eq!(g, refreshed);
		assert_ne!(kp.signing_share(), before.0.signing_share());
		new_packages.push(kp);
	}
	let message = b"after the refresh";
	let signers = [0usize, 2, 3];
	let drawn: Vec<_> = signers
		.iter()
		.map(|&p| mpc_primitives::frost::commit(&new_packages[p], &mut rng).expect("commit"))
		.collect();
	let commitments: Vec<_> =
		signers.iter().zip(&drawn).map(|(&p, (_, c))| (r.ids[p], *c)).collect();
	let package = signing_package(message, &commitments).expect("package");
	let shares: Vec<_> = signers
		.iter()
		.zip(drawn)
		.map(|(&p, (n, _))| (r.ids[p], sign(&package, n, &new_packages[p]).expect("z")))
		.collect();
	// `aggregate` verifies the signature against `Y`, the key from before the refresh.
	assert_eq!(refreshed.group_key(), y);
	refreshed.aggregate(&package, &shares).expect("an Ed25519 signature by Y");
	// A complaint in a refresh names the sender by identifier and its envelope by `h_j`.
	let mut bad = envelopes.clone();
	bad[2].ciphertexts[0][3] ^= 1;
	let v = view(r.material(0, &packages, &bad), Step::Complaints, &digests);
	match step(0, &v, 43, &mut KeyProgress::default()) {
		Some(KeyAction::Complain { sender, digest, attempt, .. }) => {
			assert_eq!((sender, attempt), (idx(4), 1));
			assert_eq!(digest, digests[2]);
		}
		other => panic!("member 1 complains about member 4: {other:?}"),
	}
}

#[test]
fn the_lowest_member_asks_for_the_refresh_first_and_the_others_later() {
	let limits = Limits::default();
	// Epoch ends at block 100, window 10: rank 0 from block 99 (lands in 100), rank 2 from 119.
	let at =
		|rank, now| EpochView { key: 3, epoch: 0, end: 100, rank, window: 10, now, last: false };
	let mut progress = KeyProgress::default();
	assert_eq!(epoch_step(&at(0, 98), &mut progress, &limits), None);
	assert_eq!(epoch_step(&at(0, 99), &mut progress, &limits), Some(KeyAction::Refresh { key: 3 }));
	assert_eq!(epoch_step(&at(0, 100), &mut progress, &limits), None, "throttled");
	let mut other = KeyProgress::default();
	assert_eq!(epoch_step(&at(2, 110), &mut other, &limits), None);
	assert_eq!(epoch_step(&at(2, 119), &mut other, &limits), Some(KeyAction::Refresh { key: 3 }));
	// The next epoch is another record.
	let next = EpochView { epoch: 1, ..at(0, 101) };
	assert_eq!(epoch_step(&next, &mut progress, &limits), Some(KeyAction::Refresh { key: 3 }));
	// After the last refresh, the key expires instead.
	let last = EpochView { epoch: 2, last: true, ..at(0, 101) };
	assert_eq!(epoch_step(&last, &mut progress, &limits), Some(KeyAction::Expire { key: 3 }));
}
