// The one runtime global the protocol uses beyond ECMAScript: TextEncoder (UTF-8 bytes for the timeline
// version hash). Every runtime bantin runs on has it (browsers, Node ≥ 11); declaring it here keeps DOM and
// Node types out of the protocol's own check. Programs that import the protocol bring their own.
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
