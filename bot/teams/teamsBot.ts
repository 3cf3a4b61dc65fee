/**
 * Thin dispatch from Teams activities to the conversation and sharing
 * logic. Only botbuilder types here; the answers come from ../conversation.
 */
import {
  TeamsActivityHandler, TurnContext, CardFactory, MessagingExtensionQuery, MessagingExtensionResponse, AppBasedLinkQuery, Attachment,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Reference } from '../reference/loadReference';
import { Conversation, Reply } from '../conversation/respond';
import { itemFromLink, MAX_EXTENSION_QUERY_LENGTH, searchForExtension, DEFAULT_PAGE_SIZE } from '../conversation/share';
import type { SearchIndex } from '../search/searchIndex';
import { CardLinks, createItemCard, createPreviewCard, NO_LINKS, AdaptiveCard } from '../cards/cards';
import { isJapanese } from '../search/text';
import { Locale, STRINGS, toLocale } from '../cards/strings';

export const SEARCH_COMMAND_ID = 'searchItems';

export interface TeamsBotDeps {
  reference: Reference;
  index: SearchIndex;
  logger: Logger;
  links?: CardLinks;
  /** Hosts whose item links unfurl (the tab's public host). */
  unfurlHosts?: string[];
  /** Self-assessment status of an item in the channel a message came from. */
  channelStatus?: (context: { tenantId?: string; teamId?: string; channelId?: string }, itemId: string, locale: Locale) => Promise<string | undefined>;
  /** Called for every activity from a team, so the roster API knows its service URL. */
  onTeamSeen?: (info: { tenantId?: string; teamId: string; serviceUrl: string }) => void;
}

function adaptive(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** Mentions arrive as <at>Name</at> in the text; removeRecipientMention handles ours, this the rest. */
function questionText(context: TurnContext): string {
  const withoutBot = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return withoutBot.replace(/<at>[^<]*<\/at>/g, ' ').replace(/&nbsp;/g, ' ').trim();
}

export class TeamsBot extends TeamsActivityHandler {
  private readonly conversation: Conversation;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.conversation = new Conversation({ reference: deps.reference, index: deps.index, links: deps.links });

    this.onMembersAdded(async (context, next) => {
      this.noteTeam(context);
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        const reply = this.conversation.welcome(toLocale(context.activity.locale) ?? 'ja');
        await context.sendActivity({ attachments: reply.cards.map(adaptive) });
      }
      await next();
    });
  }

  /**
   * Messages: overridden rather than registered with onMessage(), which runs
   * every message through two more handler chains (Message, then Dialog) that
   * this bot never uses; that machinery cost more than a search.
   */
  protected async onMessageActivity(context: TurnContext): Promise<void> {
    this.noteTeam(context);
    const teamsLocale = toLocale(context.activity.locale);
    const value = context.activity.value;
    const conversation = this.withChannelStatus(context);
    let reply: Reply;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'action' in value) {
      reply = await conversation.answerCardAction(value, teamsLocale);
    } else {
      reply = await conversation.answerText(questionText(context), teamsLocale);
    }
    this.deps.logger.debug({ intent: reply.intent, items: reply.itemIds.slice(0, 5), locale: reply.locale }, 'answered');
    await context.sendActivity({ attachments: reply.cards.map(adaptive) });
  }

  private noteTeam(context: TurnContext): void {
    const data = context.activity.channelData as { team?: { id?: string }; tenant?: { id?: string } } | undefined;
    if (data?.team?.id && this.deps.onTeamSeen) {
      this.deps.onTeamSeen({ tenantId: data.tenant?.id, teamId: data.team.id, serviceUrl: context.activity.serviceUrl });
    }
  }

  /** A conversation that, in a channel, also shows the channel's self-assessment status. */
  private withChannelStatus(context: TurnContext): Conversation {
    const data = context.activity.channelData as { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } } | undefined;
    const status = this.deps.channelStatus;
    if (!status || !data?.team?.id || !data.channel?.id) return this.conversation;
    const where = { tenantId: data.tenant?.id, teamId: data.team.id, channelId: data.channel.id };
    return new Conversation({
      reference: this.deps.reference,
      index: this.deps.index,
      links: this.deps.links,
      statusLine: (itemId, locale) => status(where, itemId, locale).catch((err) => {
        this.deps.logger.warn({ err }, 'could not read the channel status');
        return undefined;
      }),
    });
  }

  // ---- Message extension: search from the compose box -------------------

  protected async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const clientLocale = toLocale(context.activity.locale);
    if (query?.commandId !== SEARCH_COMMAND_ID) {
      return { composeExtension: { type: 'message', text: STRINGS[clientLocale ?? 'ja'].extensionUnknownCommand } };
    }
    const params = Array.isArray(query.parameters) ? query.parameters : [];
    const initialRun = params.some((p) => p?.name === 'initialRun');
    const raw = initialRun ? '' : String(params.find((p) => p?.name === 'query')?.value ?? '');
    const locale: Locale = raw && isJapanese(raw) ? 'ja' : clientLocale ?? (raw && /[a-z]/i.test(raw) ? 'en' : 'ja');
    if (raw.length > MAX_EXTENSION_QUERY_LENGTH) {
      return { composeExtension: { type: 'message', text: STRINGS[locale].extensionQueryTooLong(MAX_EXTENSION_QUERY_LENGTH) } };
    }
    const skip = Number(query.queryOptions?.skip ?? 0) || 0;
    const count = Number(query.queryOptions?.count ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
    const page = searchForExtension(this.deps.reference, this.deps.index, raw, skip, count);
    if (page.items.length === 0 && skip === 0) {
      return { composeExtension: { type: 'message', text: STRINGS[locale].extensionNoResults(raw.slice(0, 50)) } };
    }
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: page.items.map((item) => ({
          ...adaptive(this.shareCard(item.id, locale) as AdaptiveCard),
          preview: { ...createPreviewCard(item, locale), content: { ...createPreviewCard(item, locale).content, tap: { type: 'invoke', value: { id: item.id, locale } } } },
        })),
      },
    };
  }

  protected async handleTeamsMessagingExtensionSelectItem(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    const v = (value ?? {}) as { id?: unknown; locale?: unknown };
    const locale: Locale = v.locale === 'en' || v.locale === 'ja' ? v.locale : toLocale(context.activity.locale) ?? 'ja';
    const card = typeof v.id === 'string' ? this.shareCard(v.id, locale) : undefined;
    if (!card) return { composeExtension: { type: 'message', text: STRINGS[locale].extensionUnknownLink } };
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [adaptive(card)] } };
  }

  // ---- Link unfurling -----------------------------------------------------

  protected async handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    const locale = toLocale(context.activity.locale) ?? 'ja';
    const url = typeof query?.url === 'string' ? query.url.slice(0, 2048) : '';
    const item = itemFromLink(this.deps.reference, url, this.deps.unfurlHosts ?? []);
    if (!item) return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
    const card = this.shareCard(item.id, locale) as AdaptiveCard;
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: [{ ...adaptive(card), preview: createPreviewCard(item, locale) }],
      },
    };
  }

  /** A self-contained card: OpenUrl buttons only, since the bot may not be in that chat. */
  private shareCard(id: string, locale: Locale): AdaptiveCard | undefined {
    const item = this.deps.reference.itemById.get(id);
    if (!item) return undefined;
    return createItemCard(item, { locale, reference: this.deps.reference, links: this.deps.links ?? NO_LINKS, standalone: true });
  }
}
