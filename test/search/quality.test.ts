/**
 * Guards on answer quality, measured on our own question sets (the figures
 * themselves are printed by npm run bench). Floors sit below today's figures
 * so that only a real regression fails. The held-out set was never used to
 * choose a parameter; it shows whether the development figures generalise.
 */
import { testLibrary, testServices } from '../helpers/testServer';
import { loadOffTopic, loadQuestions, measureQuality } from '../../test-bench/searchQuality';

describe('answer quality', () => {
  it.each([
    { set: 'dev' as const, maxOffTopicAnswered: 0.05 },
    { set: 'heldout' as const, maxOffTopicAnswered: 0.125 },
  ])('answers the $set questions well and off-topic questions honestly', async ({ set, maxOffTopicAnswered }) => {
    const questions = loadQuestions(set);
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const offTopic = loadOffTopic(set);
    const report = await measureQuality(testLibrary(), questions, offTopic, testServices());
    expect(report.top1 / report.total).toBeGreaterThanOrEqual(0.88);
    expect(report.top3 / report.total).toBeGreaterThanOrEqual(0.95);
    expect(report.offTopicAnswered.length / offTopic.length).toBeLessThanOrEqual(maxOffTopicAnswered);
  });
});
