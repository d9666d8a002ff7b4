/** Meeting hosts (https only) whose content scripts may report calls. */
export const MEETING_HOSTS = [/^meet\.google\.com$/, /^(?:[a-z0-9-]+\.)*zoom\.us$/, /^(?:[a-z0-9-]+\.)*teams\.(?:microsoft\.com|live\.com|cloud\.microsoft)$/];

export function isMeetingHost(hostname: string): boolean {
  return MEETING_HOSTS.some((host) => host.test(hostname));
}
