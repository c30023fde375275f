// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import "./IMpc.sol";

/// @title PrivatePoll: a secret ballot whose tally a contract receives, and nothing else.
/// @notice The creator names the options, the eligible voters (Substrate accounts) and the
/// minimum number of ballots. `open` (or the constructor, with `openNow`) creates an MPC job
/// through the precompile: one component per option, the input rule one-hot (the chain refuses
/// any input that is not a ballot: one option 1, the others 0, proved in zero knowledge), only
/// the listed voters may submit, at most one ballot each, and fewer than `minBallots` ballots
/// fail the job (the pallet never reveals a tally of too few voters).
///
/// Ballots never pass through this contract: each voter deals its ballot to the job's committee
/// and submits it to the chain's `mpc.submitInput` (the JS client's `submitInput`). Once the job
/// ended, anyone calls the precompile's `fulfill(jobId)`, which delivers the outcome to
/// `onMpcResult`: the tally per option when the job completed with at least `minBallots`
/// ballots, otherwise a failure, and this poll then never reveals anything.
///
/// The contract's own balance pays the job: the workers' escrow (`rewardPerWorker *
/// committeeSize`) and the job's storage deposit are held from it. Fund it at deployment (the
/// constructor is payable) or by a transfer to its account before `open`.
///
/// Storage the callback writes is reserved by `open` (the tally's slots hold a placeholder
/// until the result arrives), so that the callback creates no storage item: the storage deposit
/// of a new item would come out of the callback's allowance (the deposit its `callbackGas` buys)
/// and be paid by whoever calls `fulfill`; reserved, it is paid by the creator's `open`.
///
/// Once the outcome is known, anyone may `cleanup` (the precompile's `removeJob`: the job's
/// storage deposit returns here) and the creator may `withdraw` what is left.
contract PrivatePoll is IMpcConsumer {
    /// What the creator chooses.
    struct Params {
        /// The question (stored as the job's metadata).
        string question;
        /// Number of options (the job's dimension), at least 2.
        uint32 options;
        /// The Substrate accounts (32 bytes each) that may vote, one ballot each.
        bytes32[] voters;
        /// Fewer ballots than this: the job fails and no tally is ever revealed.
        uint32 minBallots;
        /// MPC committee size `n` and threshold `t` (any `t + 1` members compute the tally,
        /// any `t` learn nothing).
        uint32 committeeSize;
        uint32 threshold;
        /// Blocks during which ballots are taken.
        uint32 inputWindow;
        /// Paid to each worker that delivers a valid result share, in the native unit.
        uint128 rewardPerWorker;
        /// Gas the precompile calls `onMpcResult` with.
        uint64 callbackGas;
    }

    enum Status {
        /// Deployed, the job not created yet.
        Created,
        /// The job takes ballots (or computes the tally).
        Open,
        /// The tally is known: `tally()`.
        Revealed,
        /// The job failed (too few ballots, or no result) or was cancelled: no tally, ever.
        Failed
    }

    /// Marks a tally slot reserved by `open` and not yet written (never a count).
    int256 private constant UNSET = type(int256).min;

    address public immutable creator;
    Params private params;
    Status public status;
    uint64 public jobId;
    /// Ballots counted (the job's qualified inputs), once revealed.
    uint32 public ballots;
    int256[] private counts;

    event PollOpened(uint64 indexed jobId, uint32 options, uint32 voters, uint32 minBallots);
    event PollRevealed(uint64 indexed jobId, int256[] tally, uint32 ballots);
    event PollFailed(uint64 indexed jobId, bool completed, uint32 ballots);
    event Withdrawn(address to, uint256 amount);

    error NotCreator();
    error NotCreated();
    error NotPrecompile();
    error UnknownPollJob(uint64 jobId);
    error NotOpen();
    error NotRevealed();
    error NotEnded();
    error WithdrawFailed();
    error BadPoll(string reason);

    /// Stores the poll; with `openNow`, also creates its job (the deployment's value must then
    /// cover the escrow and the job's deposit).
    constructor(Params memory p, bool openNow) payable {
        if (p.options < 2) revert BadPoll("fewer than 2 options");
        if (p.minBallots == 0) revert BadPoll("minBallots is 0");
        if (p.voters.length < p.minBallots) revert BadPoll("fewer voters than minBallots");
        if (p.voters.length > type(uint32).max) revert BadPoll("too many voters");
        if (p.callbackGas == 0) revert BadPoll("callbackGas is 0");
        creator = msg.sender;
        params = p;
        if (openNow) _open();
    }

    /// Creates the poll's job; the creator only, once.
    function open() external returns (uint64) {
        if (msg.sender != creator) revert NotCreator();
        return _open();
    }

    function _open() private returns (uint64 id) {
        if (status != Status.Created) revert NotCreated();
        Params storage p = params;
        IMpc.JobSpec memory spec = IMpc.JobSpec({
            committeeSize: p.committeeSize,
            threshold: p.threshold,
            dimension: p.options,
            decimals: 0,
            inputWindow: p.inputWindow,
            maxInputs: uint32(p.voters.length),
            minInputs: p.minBallots,
            allowedProviders: p.voters,
            metadata: bytes(p.question),
            rewardPerWorker: p.rewardPerWorker,
            ruleKind: 2,
            lows: new int128[](0),
            highs: new int128[](0),
            callbackGas: p.callbackGas
        });
        id = IMpc(MPC_PRECOMPILE).createJob(spec);
        jobId = id;
        status = Status.Open;
        // Reserve the tally's slots now (paid by this transaction's storage deposit), so the
        // callback only overwrites them.
        for (uint32 i = 0; i < p.options; i++) counts.push(UNSET);
        emit PollOpened(id, p.options, uint32(p.voters.length), p.minBallots);
    }

    /// Cancels the poll before any ballot arrived (the creator only): the escrow and the job's
    /// deposit return to this contract, and the poll has failed.
    function cancel() external {
        if (msg.sender != creator) revert NotCreator();
        if (status != Status.Open) revert NotOpen();
        IMpc(MPC_PRECOMPILE).cancelJob(jobId);
        status = Status.Failed;
        emit PollFailed(jobId, false, 0);
    }

    /// Stops taking ballots before the window ends, once `minBallots` arrived (the creator
    /// only): the committee computes the tally of those.
    function closeBallots() external {
        if (msg.sender != creator) revert NotCreator();
        if (status != Status.Open) revert NotOpen();
        IMpc(MPC_PRECOMPILE).closeInputs(jobId);
    }

    /// After the outcome was delivered (revealed or failed), anyone may remove the job from the
    /// chain: its storage deposit returns to this contract (the tally stays here).
    function cleanup() external {
        if (status != Status.Revealed && status != Status.Failed) revert NotEnded();
        IMpc(MPC_PRECOMPILE).removeJob(jobId);
    }

    /// Sends what is left of this contract's balance (unspent escrow, released deposits) to
    /// `to`, once the poll is over (the creator only).
    function withdraw(address payable to) external {
        if (msg.sender != creator) revert NotCreator();
        if (status != Status.Revealed && status != Status.Failed) revert NotEnded();
        uint256 amount = address(this).balance;
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert WithdrawFailed();
        emit Withdrawn(to, amount);
    }

    /// The precompile delivers the job's outcome (IMpcConsumer).
    function onMpcResult(uint64 id, bool completed, int256[] calldata sums, uint32 qualifiedInputs) external {
        if (msg.sender != MPC_PRECOMPILE) revert NotPrecompile();
        if (status == Status.Created || id != jobId) revert UnknownPollJob(id);
        // Cancelled by its creator: already failed, nothing to record.
        if (status != Status.Open) return;
        if (completed && qualifiedInputs >= params.minBallots && sums.length == counts.length) {
            for (uint256 i = 0; i < sums.length; i++) counts[i] = sums[i];
            ballots = qualifiedInputs;
            status = Status.Revealed;
            emit PollRevealed(id, sums, qualifiedInputs);
        } else {
            status = Status.Failed;
            emit PollFailed(id, completed, qualifiedInputs);
        }
    }

    /// Votes per option; reverts `NotRevealed` unless the poll completed with enough ballots.
    function tally() external view returns (int256[] memory) {
        if (status != Status.Revealed) revert NotRevealed();
        return counts;
    }

    /// The winning option (the lowest index among equal counts) and its votes.
    function winner() external view returns (uint32 option, int256 votes) {
        if (status != Status.Revealed) revert NotRevealed();
        for (uint32 i = 0; i < counts.length; i++) {
            if (i == 0 || counts[i] > votes) {
                option = i;
                votes = counts[i];
            }
        }
    }

    function question() external view returns (string memory) {
        return params.question;
    }

    function options() external view returns (uint32) {
        return params.options;
    }

    function minBallots() external view returns (uint32) {
        return params.minBallots;
    }

    function voters() external view returns (bytes32[] memory) {
        return params.voters;
    }

    /// The job as the precompile reports it (phase, inputs so far, deadline, ...).
    function jobState()
        external
        view
        returns (uint8 phase, uint8 failure, uint32 inputCount, uint32 qualifiedCount, uint64 deadline)
    {
        if (status == Status.Created) revert NotOpen();
        (,, phase, failure,,,, inputCount, qualifiedCount, deadline) = IMpc(MPC_PRECOMPILE).job(jobId);
    }

    /// Funds sent to the contract's address top up the balance the job is paid from.
    receive() external payable {}
}
