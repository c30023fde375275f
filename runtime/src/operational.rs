//! [`CheckOperational`]: the pool's operational lane kept for the workers' duties and the sudo
//! key.
//!
//! The pool ranks every `Operational` transaction above every ordinary one without a tip, and
//! a quarter of each block is closed to ordinary ones. pallet-mpc makes its workers' duties
//! operational and `pallet_mpc::CheckWorkerDuty` keeps them for their committees; but other
//! calls are operational too and open to any signer in the pool: frame_system's root calls
//! (`set_heap_pages`, `set_code`, ...), and the wrappers that take their inner call's class
//! (`Sudo.sudo`, `sudo_as`, `sudo_unchecked_weight`, pallet-revive's
//! `dispatch_as_fallback_account`). Each fails on dispatch and pays its fee, but it outranks
//! every ordinary transaction. This extension refuses, in the pool and in blocks, a signed
//! operational transaction unless it is a pallet-mpc duty (which `CheckWorkerDuty` checks) or
//! its signer is the sudo key, with `InvalidTransaction::BadSigner`. It adds no bytes to a
//! transaction nor to what is signed.

use crate::{Runtime, RuntimeCall, RuntimeOrigin};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	pallet_prelude::TransactionSource,
	traits::OriginTrait,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::InvalidTransaction,
	Weight,
};

/// Refuses a signed `Operational` transaction that is neither a pallet-mpc duty nor signed by
/// the sudo key (see the [module](self)).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct CheckOperational;

impl CheckOperational {
	/// Whether `call` may take the operational lane from any signer: a pallet-mpc duty.
	fn is_duty(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Mpc(c) if c.duty().is_some())
	}
}

impl TransactionExtension<RuntimeCall> for CheckOperational {
	const IDENTIFIER: &'static str = "CheckOperational";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &RuntimeCall) -> Weight {
		// The sudo key read and compared, as `pallet_sudo`'s own benchmark of that check.
		if call.get_dispatch_info().class == DispatchClass::Operational && !Self::is_duty(call) {
			<pallet_sudo::weights::SubstrateWeight<Runtime> as pallet_sudo::WeightInfo>::check_only_sudo_account()
		} else {
			Weight::zero()
		}
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		if info.class == DispatchClass::Operational && !Self::is_duty(call) {
			if let Some(who) = origin.as_signer() {
				if pallet_sudo::Key::<Runtime>::get().as_ref() != Some(who) {
					return Err(InvalidTransaction::BadSigner.into());
				}
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(RuntimeCall; prepare);
}
