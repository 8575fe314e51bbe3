/**
 * Nova's LPU conductor: it spawns one inference agent per allocated inference engine, loads the
 * model configuration's roles onto them over Cap'n Proto on UNIX sockets, and routes requests from
 * its OpenAI-compatible HTTP endpoint to them.
 */
package nova.conductor;
