/** The RTVI protocol version of @pipecat-ai/client-js 1.13.x and pipecat (Python); major ≥ 2 enables all client features. */
export const RTVI_PROTOCOL_VERSION = "2.1.0";
export const RTVI_LABEL = "rtvi-ai";
