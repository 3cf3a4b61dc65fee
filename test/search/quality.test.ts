/**
 * Guards on answer quality, measured on our own question sets (the figures
 * themselves are printed by npm run bench). Floors sit below today's figures
 * so that only a real regression fails.
 */
import { testReference } from '../helpers/testServer';
import { loadOffTopic, loadQuestions, measureQuality } from '../../test-bench/searchQuality';

describe('answer quality', () => {
  it('answers the development questions well and off-topic questions honestly', async () => {
    const questions = loadQuestions('dev');
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const offTopic = loadOffTopic('dev');
    const report = await measureQuality(testReference(), questions, offTopic);
    expect(report.top1 / report.total).toBeGreaterThanOrEqual(0.88);
    expect(report.top3 / report.total).toBeGreaterThanOrEqual(0.95);
    expect(report.offTopicAnswered.length / offTopic.length).toBeLessThanOrEqual(0.05);
  });

  it('does about as well on the held-out questions, which were never used for tuning', async () => {
    const questions = loadQuestions('heldout');
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const offTopic = loadOffTopic('heldout');
    const report = await measureQuality(testReference(), questions, offTopic);
    expect(report.top1 / report.total).toBeGreaterThanOrEqual(0.88);
    expect(report.top3 / report.total).toBeGreaterThanOrEqual(0.95);
    expect(report.offTopicAnswered.length / offTopic.length).toBeLessThanOrEqual(0.125);
  });
});
