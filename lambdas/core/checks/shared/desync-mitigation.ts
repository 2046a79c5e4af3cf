/**
 * Elastic Load Balancing's HTTP desync mitigation modes, shared by Application and Classic Load Balancers: `defensive`
 * (the default) and `strictest` block requests classified as ambiguous or severe; `monitor` forwards them.
 */
export const ENFORCING_DESYNC_MODES: ReadonlySet<string> = new Set(['defensive', 'strictest']);

/** The mode a load balancer uses when the attribute is absent. */
export const DEFAULT_DESYNC_MODE = 'defensive';
