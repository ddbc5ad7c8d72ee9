// Names shared by the claims bench's load generator and its server: workspace k's team and channel,
// and task message i's timestamp (the same in every workspace, each in its own channel).
export const benchTeam = (k: number) => `TBENCH${String(k).padStart(3, '0')}`;
export const benchChannel = (k: number) => `CBENCH${String(k).padStart(3, '0')}`;
export const benchTs = (i: number) => `1700000000.${String(i).padStart(6, '0')}`;
