/**
 * Guards on answer quality, measured on our own question sets (the figures
 * themselves, and the unseen set's, are printed by npm run bench). Floors sit
 * below today's figures so that only a real regression fails. The held-out
 * set was never used to choose a parameter; the unseen set is not read here.
 */
import { testLibrary, testServices } from '../helpers/testServer';
import { loadOffTopic, loadQuestions, measureQuality } from '../../test-bench/searchQuality';

describe('answer quality', () => {
  it.each([
    { set: 'dev' as const, top1: 0.88, top3: 0.95, maxWrong: 0.06, maxOffTopicAnswered: 0.05 },
    { set: 'heldout' as const, top1: 0.9, top3: 0.95, maxWrong: 0.05, maxOffTopicAnswered: 0.075 },
    { set: 'situations-dev' as const, top1: 0.84, top3: 0.93, maxWrong: 0.1, maxOffTopicAnswered: 0 },
  ])('answers the $set questions well, says when it is not sure, and answers off-topic questions honestly', async ({ set, top1, top3, maxWrong, maxOffTopicAnswered }) => {
    const questions = loadQuestions(set);
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const offTopic = loadOffTopic(set);
    const report = await measureQuality(testLibrary(), questions, offTopic, testServices());
    expect(report.top1 / report.total).toBeGreaterThanOrEqual(top1);
    expect(report.top3 / report.total).toBeGreaterThanOrEqual(top3);
    expect(report.confidentWrong / report.total).toBeLessThanOrEqual(maxWrong);
    if (offTopic.length) expect(report.offTopicAnswered.length / offTopic.length).toBeLessThanOrEqual(maxOffTopicAnswered);
  });
});
