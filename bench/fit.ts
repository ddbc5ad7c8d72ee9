// Fitting a post to a network's limit, on the inputs that once took seconds (thousands of
// characters of hashtags or links), beside ordinary prose of the same length fitted in the same
// run. Fitting runs on the thread that acks Slack, so the target is absolute: no fit over 250 ms.
// The ratio to prose shows which inputs cost more than sentences do.
import { fitToNetwork } from '../src/domain/drafts/fit.js';
import { measure, NETWORK_RULES } from '../src/domain/drafts/networks.js';
import { NETWORKS, type Network } from '../src/domain/drafts/types.js';
import { percentile } from './results.js';

const LENGTH = 3_000;
const ABSOLUTE_TARGET_MS = 250;

const repeatTo = (make: (i: number) => string): string =>
  Array.from({ length: LENGTH }, (_, i) => make(i))
    .join(' ')
    .slice(0, LENGTH);

const PROSE_WORDS = ['The', 'rover', 'landed', 'today,', 'NASA', 'said.', 'Scientists', 'cheered.'];
export const FIT_INPUTS: Record<string, string> = {
  prose: repeatTo((i) => PROSE_WORDS[i % PROSE_WORDS.length] ?? ''),
  hashtags: repeatTo((i) => `#t${i}`),
  links: repeatTo((i) => `https://e.com/${i}`),
  mixed: repeatTo((i) => ['The', 'rover', 'https://nasa.gov/news/1', '#Artemis', '🚀', 'said.'][i % 6] ?? ''),
};

interface FitFigure {
  network: Network;
  input: string;
  p50Ms: number;
  maxMs: number;
  ratioToProse: number;
  fits: boolean;
}

function time(network: Network, text: string, runs: number): { p50: number; max: number; fits: boolean } {
  const took: number[] = [];
  let fits = true;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { text: fitted } = fitToNetwork(network, text);
    took.push(performance.now() - started);
    fits &&= measure(network, fitted) <= NETWORK_RULES[network].limit;
  }
  took.sort((a, b) => a - b);
  return { p50: percentile(took, 50), max: took[took.length - 1] ?? 0, fits };
}

export function runFit(options: { runs: number }): { result: FitFigure[]; correct: boolean } {
  const figures: FitFigure[] = [];
  for (const network of NETWORKS) {
    const prose = time(network, FIT_INPUTS.prose ?? '', options.runs);
    for (const [input, text] of Object.entries(FIT_INPUTS)) {
      const t = input === 'prose' ? prose : time(network, text, options.runs);
      figures.push({
        network,
        input,
        p50Ms: Number(t.p50.toFixed(3)),
        maxMs: Number(t.max.toFixed(3)),
        ratioToProse: Number((t.p50 / Math.max(prose.p50, 0.001)).toFixed(2)),
        fits: t.fits,
      });
    }
  }
  console.log('| network | input | p50 ms | max ms | ÷ prose | state |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const f of figures) {
    const met = f.maxMs <= ABSOLUTE_TARGET_MS;
    const state = !f.fits ? 'WRONG: does not fit' : met ? 'met' : 'MISSED';
    console.log(`| ${f.network} | ${f.input} | ${f.p50Ms} | ${f.maxMs} | ${f.ratioToProse}× | ${state} |`);
  }
  return { result: figures, correct: figures.every((f) => f.fits) };
}
