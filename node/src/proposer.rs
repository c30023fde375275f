//! The block proposer, with room kept for sealing the block.
//!
//! `sc-basic-authorship` pushes transactions until 90 % of the proposal time has passed, then
//! seals the block (`on_finalize`, `on_idle`, the storage root) in the last 10 %. If sealing
//! takes longer, the slot worker discards the whole proposal ("block production took too
//! long") and the slot is lost. [`SealRoom`] lets transactions use only part of the proposal
//! time, so that a slow node still seals in time; a node that fills its block before that
//! point (the weight limit, not the clock, ends its blocks) proposes exactly as before.

use futures::{future, TryFutureExt};
use sp_consensus::{Environment, ProposeArgs, Proposer};
use sp_runtime::traits::Block as BlockT;

/// A proposer factory whose proposers push transactions for only `percent` of the proposal
/// time the slot gives them (of which `sc-basic-authorship` keeps a further 10 % for
/// sealing); the slot's own deadline is unchanged.
pub struct SealRoom<F> {
	inner: F,
	percent: u32,
}

impl<F> SealRoom<F> {
	/// Wraps `inner`, its proposers given `percent` (10 to 100) of each proposal's time.
	pub fn new(inner: F, percent: u32) -> Self {
		Self { inner, percent: percent.clamp(10, 100) }
	}
}

type Wrap<P> = Box<dyn FnOnce(P) -> SealRoomProposer<P> + Send>;

impl<B: BlockT, F: Environment<B>> Environment<B> for SealRoom<F> {
	type Proposer = SealRoomProposer<F::Proposer>;
	type CreateProposer = future::MapOk<F::CreateProposer, Wrap<F::Proposer>>;
	type Error = F::Error;

	fn init(&mut self, parent_header: &B::Header) -> Self::CreateProposer {
		let percent = self.percent;
		let wrap: Wrap<F::Proposer> = Box::new(move |inner| SealRoomProposer { inner, percent });
		self.inner.init(parent_header).map_ok(wrap)
	}
}

/// A proposer of [`SealRoom`].
pub struct SealRoomProposer<P> {
	inner: P,
	percent: u32,
}

impl<B: BlockT, P: Proposer<B>> Proposer<B> for SealRoomProposer<P> {
	type Error = P::Error;
	type Proposal = P::Proposal;

	fn propose(self, mut args: ProposeArgs<B>) -> Self::Proposal {
		args.max_duration = args.max_duration.mul_f64(f64::from(self.percent) / 100.0);
		self.inner.propose(args)
	}
}
