/**
 * Guards on answer quality, measured on our own question set (the figures
 * themselves are printed by npm run bench). Floors sit below today's figures
 * so that only a real regression fails.
 */
import { testReference } from '../helpers/testServer';
import { loadOffTopic, loadQuestions, measureQuality } from '../../test-bench/searchQuality';

describe('answer quality', () => {
  it('answers the eval questions well and off-topic questions honestly', async () => {
    const questions = loadQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const report = await measureQuality(testReference(), questions, loadOffTopic());
    expect(report.top1 / report.total).toBeGreaterThanOrEqual(0.75);
    expect(report.top3 / report.total).toBeGreaterThanOrEqual(0.85);
    expect(report.offTopicAnswered).toEqual([]);
  });
});
