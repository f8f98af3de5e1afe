// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice For tests only: a payee that, when paid, calls the adjudicator again with a call it was armed
/// with (a second payout of the same channel), swallowing the failure so its own payment still goes
/// through. `reentered` tells whether the nested call succeeded.
contract ReentrantPayee {
    address public target;
    bytes public replay;
    bool public armed;
    bool public reentered;
    string public reentryError;

    function arm(address adjudicator, bytes calldata call) external {
        target = adjudicator;
        replay = call;
        armed = true;
    }

    receive() external payable {
        if (armed) {
            armed = false;
            (bool ok, bytes memory err) = target.call(replay);
            reentered = ok;
            if (!ok && err.length >= 68) {
                assembly {
                    err := add(err, 0x04)
                }
                reentryError = abi.decode(err, (string));
            }
        }
    }
}
