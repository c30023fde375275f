//! Tests of the beacon member's decisions against real dealings.

use super::*;
use mpc_primitives::{
	dealing_digest, testing::corrupt_key_share, verify_key_dealing, verify_round_share,
	CommitteeShape, GroupKey,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const GENESIS: [u8; 32] = [5u8; 32];
const EPOCH: u64 = 2;

fn idx(i: usize) -> ParticipantIndex {
	ParticipantIndex::new(i as u32 + 1).expect("non-zero")
}

fn account(i: usize) -> [u8; 32] {
	[i as u8 + 1; 32]
}

struct Dkg {
	secrets: Vec<WorkerSecret>,
	keys: Vec<EncryptionKey>,
	dealings: Vec<KeyDealing>,
	rng: ChaCha20Rng,
}

impl Dkg {
	fn new(n: usize) -> Self {
		let mut rng = ChaCha20Rng::seed_from_u64(9);
		let secrets: Vec<WorkerSecret> = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
		let keys = secrets.iter().map(|s| *s.public_key()).collect::<Vec<_>>();
		let epoch = EpochContext { genesis: GENESIS, epoch: EPOCH };
		let dealings = (0..n)
			.map(|j| {
				let ctx = DealerContext { epoch, dealer: idx(j) };
				deal_key(&ctx, &account(j), &keys, &mut rng).expect("deal")
			})
			.collect();
		Self { secrets, keys, dealings, rng }
	}

	/// What member `i` reads of the dealings `which`.
	fn views(&self, i: usize, which: &[usize]) -> Vec<DealingView> {
		which
			.iter()
			.map(|&j| {
				let d = &self.dealings[j];
				let ctx = DealerContext {
					epoch: EpochContext { genesis: GENESIS, epoch: EPOCH },
					dealer: idx(j),
				};
				DealingView {
					dealer: idx(j),
					digest: dealing_digest(&ctx, d.as_parts()),
					ephemeral_key: EphemeralKey::from_bytes(&d.ephemeral_key).expect("R"),
					commitments: d
						.commitments
						.iter()
						.map(|a| Point::from_bytes(a).expect("A"))
						.collect(),
					ciphertext: d.ciphertexts[i],
				}
			})
			.collect()
	}

	fn group_key(&self, which: &[usize]) -> GroupKey {
		let shape = CommitteeShape::new(self.keys.len() as u32).expect("shape");
		let points: Vec<Vec<Point>> = which
			.iter()
			.map(|&j| {
				self.dealings[j]
					.commitments
					.iter()
					.map(|a| Point::from_bytes(a).expect("A"))
					.collect()
			})
			.collect();
		GroupKey::combine(shape, points.iter().map(|p| &p[..])).expect("key")
	}
}

fn dkg_view<'a>(
	keys: &'a [EncryptionKey],
	i: usize,
	dealings: &'a [DealingView],
	dealt: bool,
) -> DkgView<'a> {
	DkgView {
		epoch: EPOCH,
		index: idx(i),
		committee: keys,
		deals_until: 10,
		complaints_until: 16,
		dealt,
		dealings,
	}
}

fn view<'a>(
	i: usize,
	now: u32,
	dkg: Option<DkgView<'a>>,
	round: Option<RoundView<'a>>,
) -> BeaconView<'a> {
	BeaconView { genesis: GENESIS, account: account(i), now, dkg, round }
}

#[test]
fn a_member_deals_once_and_resends_only_a_dealing_that_did_not_land() {
	let mut d = Dkg::new(3);
	let keys = d.keys.clone();
	let limits = Limits::default();
	let mut progress = BeaconProgress::default();
	let none: Vec<DealingView> = Vec::new();
	let secret = d.secrets[0].clone();
	let (actions, _) = beacon_step(
		&secret,
		&view(0, 3, Some(dkg_view(&keys, 0, &none, false)), None),
		&mut progress,
		&limits,
		&mut d.rng,
	);
	let [BeaconAction::Deal { epoch, dealing }] = &actions[..] else {
		panic!("one dealing: {actions:?}")
	};
	assert_eq!(*epoch, EPOCH);
	let shape = CommitteeShape::new(3).expect("shape");
	let ctx =
		DealerContext { epoch: EpochContext { genesis: GENESIS, epoch: EPOCH }, dealer: idx(0) };
	assert!(verify_key_dealing(&ctx, &account(0), shape, dealing.as_parts(), |_| false).is_ok());
	// Not again while it may still land; again once it should have.
	let again = |now: u32, dealt: bool, progress: &mut BeaconProgress, rng: &mut ChaCha20Rng| {
		beacon_step(
			&secret,
			&view(0, now, Some(dkg_view(&keys, 0, &none, dealt)), None),
			progress,
			&limits,
			rng,
		)
		.0
	};
	let mut rng = ChaCha20Rng::seed_from_u64(1);
	assert!(again(4, false, &mut progress, &mut rng).is_empty());
	assert_eq!(again(3 + limits.resubmit_after, false, &mut progress, &mut rng).len(), 1);
	// Never once the chain has it, nor after the window.
	let mut fresh = BeaconProgress::default();
	assert!(again(5, true, &mut fresh, &mut rng).is_empty());
	assert!(again(10, false, &mut fresh, &mut rng).is_empty());
}

#[test]
fn a_member_complains_about_a_bad_share_only_and_checks_a_replaced_dealing_again() {
	let mut d = Dkg::new(4);
	let keys = d.keys.clone();
	let epoch = EpochContext { genesis: GENESIS, epoch: EPOCH };
	let bad_ctx = DealerContext { epoch, dealer: idx(1) };
	corrupt_key_share(
		&d.secrets[2].clone(),
		&bad_ctx,
		idx(2),
		&mut d.dealings[1],
		Scalar::from(3u64),
	);
	let limits = Limits { resubmit_after: 3, ..Limits::default() };
	let mut progress = BeaconProgress::default();
	let dealings = d.views(2, &[0, 1, 3]);
	let secret = d.secrets[2].clone();
	let mut rng = ChaCha20Rng::seed_from_u64(2);
	let (actions, _) = beacon_step(
		&secret,
		&view(2, 11, Some(dkg_view(&keys, 2, &dealings, true)), None),
		&mut progress,
		&limits,
		&mut rng,
	);
	let [BeaconAction::Complain { dealer, digest, .. }] = &actions[..] else {
		panic!("one complaint: {actions:?}")
	};
	assert_eq!((*dealer, *digest), (idx(1), dealings[1].digest));
	assert_eq!(progress.good.len(), 2);
	// Not again until it should have landed; not after the window.
	let step = |now: u32,
	            progress: &mut BeaconProgress,
	            dealings: &[DealingView],
	            rng: &mut ChaCha20Rng| {
		beacon_step(
			&secret,
			&view(2, now, Some(dkg_view(&keys, 2, dealings, true)), None),
			progress,
			&limits,
			rng,
		)
		.0
	};
	assert!(step(12, &mut progress, &dealings, &mut rng).is_empty());
	assert_eq!(step(11 + limits.resubmit_after, &mut progress, &dealings, &mut rng).len(), 1);
	assert!(step(16, &mut progress, &dealings, &mut rng).is_empty());
	// On another branch dealer 2 dealt honestly, with the same R (it knows r) or another:
	// either way the dealing is another (another digest), checked again; no complaint.
	let honest_ctx = DealerContext { epoch, dealer: idx(1) };
	let mut same_r = d.dealings[1].clone();
	let good = secret
		.open_key_share(
			&honest_ctx,
			idx(2),
			&dealings[1].ephemeral_key,
			&d.dealings[1].ciphertexts[2],
			&dealings[1].commitments,
		)
		.err();
	assert!(good.is_some(), "the bad share is bad");
	// Re-encrypt the right share under the same R: a good dealing with the same R.
	corrupt_key_share_back(&secret, &honest_ctx, &mut same_r);
	d.dealings[1] = same_r;
	let replaced = d.views(2, &[0, 1, 3]);
	assert_eq!(replaced[1].ephemeral_key, dealings[1].ephemeral_key);
	assert_ne!(replaced[1].digest, dealings[1].digest);
	let mut on_branch = progress.clone();
	assert!(step(13, &mut on_branch, &replaced, &mut rng).is_empty());
	assert_eq!(on_branch.good.len(), 3);
	// And back: the bad dealing (its digest) is still known bad and complained about.
	assert!(step(13, &mut on_branch, &dealings, &mut rng).is_empty(), "complained recently");
	d.dealings[1] = deal_key(&honest_ctx, &account(1), &keys, &mut rng).expect("deal");
	let other_r = d.views(2, &[0, 1, 3]);
	let mut progress = progress.clone();
	assert!(step(13, &mut progress, &other_r, &mut rng).is_empty());
	assert_eq!(progress.good.len(), 3);
}

#[test]
fn a_member_posts_a_valid_round_share_once() {
	let mut d = Dkg::new(5);
	let all = [0, 1, 2, 3, 4];
	let key = d.group_key(&all);
	let limits = Limits::default();
	let epoch = EpochContext { genesis: GENESIS, epoch: EPOCH };
	for i in 0..5 {
		let dealings = d.views(i, &all);
		let round = RoundView {
			round: 7,
			epoch: EPOCH,
			index: idx(i),
			members: 5,
			opened: 18,
			seed: [8; 32],
			posted: false,
			public_share: key.public_share(idx(i)),
			dealings: &dealings,
		};
		let mut progress = BeaconProgress::default();
		let secret = d.secrets[i].clone();
		let (actions, error) = beacon_step(
			&secret,
			&view(i, 20, None, Some(round.clone())),
			&mut progress,
			&limits,
			&mut d.rng,
		);
		assert_eq!(error, None);
		let [BeaconAction::RoundShare { round: 7, share }] = &actions[..] else {
			panic!("{actions:?}")
		};
		let ctx = RoundContext { epoch, round: 7, seed: [8; 32] };
		assert!(verify_round_share(&ctx, idx(i), &key.public_share(idx(i)), share).is_ok());
		// Not twice within the resend delay, never once posted.
		let (again, _) = beacon_step(
			&secret,
			&view(i, 21, None, Some(round.clone())),
			&mut progress,
			&limits,
			&mut d.rng,
		);
		assert!(again.is_empty());
		let posted = RoundView { posted: true, ..round };
		let (none, _) = beacon_step(
			&secret,
			&view(i, 40, None, Some(posted)),
			&mut progress,
			&limits,
			&mut d.rng,
		);
		assert!(none.is_empty());
	}
}

#[test]
fn a_member_with_a_bad_qualified_share_posts_nothing() {
	let mut d = Dkg::new(3);
	let epoch = EpochContext { genesis: GENESIS, epoch: EPOCH };
	let ctx = DealerContext { epoch, dealer: idx(0) };
	corrupt_key_share(&d.secrets[1].clone(), &ctx, idx(1), &mut d.dealings[0], Scalar::from(1u64));
	let all = [0, 1, 2];
	let key = d.group_key(&all);
	let dealings = d.views(1, &all);
	let round = RoundView {
		round: 0,
		epoch: EPOCH,
		index: idx(1),
		members: 3,
		opened: 0,
		seed: [8; 32],
		posted: false,
		public_share: key.public_share(idx(1)),
		dealings: &dealings,
	};
	let secret = d.secrets[1].clone();
	let (actions, error) = beacon_step(
		&secret,
		&view(1, 20, None, Some(round)),
		&mut BeaconProgress::default(),
		&Limits::default(),
		&mut d.rng,
	);
	assert!(actions.is_empty());
	assert_eq!(error, Some(BeaconError::BadQualifiedDealing { dealer: 1 }));
}

#[test]
fn t_plus_one_members_post_first_and_the_others_back_them_up() {
	for n in 3u32..=9 {
		let t = (n - 1) / 2;
		for round in 0..20u64 {
			let first: Vec<u32> =
				(1..=n).filter(|&i| first_to_post(round, idx(i as usize - 1), n)).collect();
			assert_eq!(first.len() as u32, t + 1, "n = {n}, round {round}");
		}
		// Over n rounds every member is among the first t + 1 equally often.
		for i in 1..=n {
			let turns =
				(0..u64::from(n)).filter(|&r| first_to_post(r, idx(i as usize - 1), n)).count();
			assert_eq!(turns as u32, t + 1);
		}
	}
	// A backup waits BACKUP_DELAY blocks after the round opened, then posts if it is open.
	let mut d = Dkg::new(3);
	let all = [0, 1, 2];
	let key = d.group_key(&all);
	let backup = (0..3).find(|&i| !first_to_post(4, idx(i), 3)).expect("one backup of three");
	let dealings = d.views(backup, &all);
	let round = RoundView {
		round: 4,
		epoch: EPOCH,
		index: idx(backup),
		members: 3,
		opened: 30,
		seed: [8; 32],
		posted: false,
		public_share: key.public_share(idx(backup)),
		dealings: &dealings,
	};
	let secret = d.secrets[backup].clone();
	let limits = Limits::default();
	let mut progress = BeaconProgress::default();
	let at = |now: u32, progress: &mut BeaconProgress, rng: &mut ChaCha20Rng| {
		beacon_step(&secret, &view(backup, now, None, Some(round.clone())), progress, &limits, rng)
			.0
	};
	assert!(at(30, &mut progress, &mut d.rng).is_empty());
	assert!(at(31, &mut progress, &mut d.rng).is_empty());
	assert_eq!(at(30 + BACKUP_DELAY, &mut progress, &mut d.rng).len(), 1);
}

/// Turns member 3's (index 2) share in `dealing`, made bad by +3, back into the good one:
/// the dealing its dealer gives on another branch, with the same `R`.
fn corrupt_key_share_back(secret: &WorkerSecret, ctx: &DealerContext, dealing: &mut KeyDealing) {
	let minus_three = Scalar::from(0u64) - Scalar::from(3u64);
	mpc_primitives::testing::shift_key_share(secret, ctx, idx(2), dealing, minus_three);
}
