/**
 * The note added to a claim or assignment confirmation once someone holds a lot of open work,
 * e.g. 'you now own 6 open tasks'; null below the workspace's threshold. A threshold of 0 (or
 * less) turns the note off.
 */
export function workloadNote(openTaskCount: number, threshold: number): string | null {
  if (!Number.isFinite(threshold) || threshold <= 0) return null;
  if (!Number.isFinite(openTaskCount) || openTaskCount < threshold) return null;
  const count = Math.floor(openTaskCount);
  return `you now own ${count} open ${count === 1 ? 'task' : 'tasks'}`;
}
