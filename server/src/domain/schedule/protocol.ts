// The protocol names the compiler produces, through the package so server and player share one contract.
export * from '@bantin/protocol';
