/**
 * Thin dispatch from Teams activities to the conversation and the message
 * extension. Only botbuilder types here; the answers come from ../conversation.
 */
import {
  ActivityTypes, TeamsActivityHandler, TurnContext, CardFactory, MessagingExtensionQuery, MessagingExtensionResponse, AppBasedLinkQuery, Attachment,
} from 'botbuilder';
import type { Logger } from 'pino';
import { localeFromTag, type Locale } from '../../contract/locale';
import type { Item } from '../../contract/reference';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { Conversation, questionLocale, type TurnContext as AnswerTurn } from '../conversation/respond';
import type { EditionServices } from '../conversation/editionServices';
import {
  DEFAULT_PAGE_SIZE, itemFromLink, MAX_EXTENSION_QUERY_LENGTH, searchForExtension, type ComposeQuery,
} from '../conversation/messageExtension';
import type { AdaptiveCard } from '../cards/expand';
import type { CardLinks } from '../cards/links';
import { createItemCard, type ChannelState } from '../cards/itemCard';
import { createPreviewCard } from '../cards/previewCard';
import { forSurface, type CardSurface } from '../cards/versions';
import { STRINGS } from '../i18n/strings';

export const SEARCH_COMMAND_ID = 'searchItems';

/** Where a channel message came from. */
export interface ChannelWhere {
  tenantId?: string;
  teamId: string;
  channelId: string;
}

export interface TeamsBotDeps {
  library: Library;
  services: EditionServices;
  logger: Logger;
  links?: CardLinks;
  /** Hosts whose item links unfurl (the tab's public host). */
  unfurlHosts?: readonly string[];
  /** The channel's self-assessment of an item (answers in a channel show it). */
  channelState?: (where: ChannelWhere, edition: Edition, item: Item) => Promise<ChannelState | undefined>;
  /** Called for every activity from a team, so the roster API knows its service URL. */
  onTeamSeen?: (info: { tenantId?: string; teamId: string; serviceUrl: string }) => void;
}

function adaptive(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** Mentions arrive as <at>Name</at> in the text; removeRecipientMention handles ours, this the rest. */
export function questionText(context: TurnContext): string {
  const withoutBot = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return withoutBot.replace(/<at>[^<]*<\/at>/g, ' ').replace(/&nbsp;/g, ' ').trim();
}

/** The compose box's query: text (empty on the first run), paging. */
export function parseComposeQuery(query: MessagingExtensionQuery | undefined): ComposeQuery {
  const params = Array.isArray(query?.parameters) ? query.parameters : [];
  const initialRun = params.some((p) => p?.name === 'initialRun');
  return {
    text: initialRun ? '' : String(params.find((p) => p?.name === 'query')?.value ?? ''),
    skip: Number(query?.queryOptions?.skip ?? 0) || 0,
    count: Number(query?.queryOptions?.count ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE,
  };
}

function message(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

export class TeamsBot extends TeamsActivityHandler {
  private readonly conversation: Conversation;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.conversation = new Conversation({ library: deps.library, services: deps.services, links: deps.links });

    this.onMembersAdded(async (context, next) => {
      this.noteTeam(context);
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        const reply = this.conversation.welcome(localeFromTag(context.activity.locale));
        await context.sendActivity({ attachments: reply.cards.map(adaptive) });
      }
      await next();
    });
  }

  /** Whether any onTurn() handler is registered (none is: run() then takes messages straight to onMessageActivity). */
  private turnHandlers = false;

  onTurn(handler: Parameters<TeamsActivityHandler['onTurn']>[0]): this {
    this.turnHandlers = true;
    return super.onTurn(handler);
  }

  /**
   * A message goes straight to onMessageActivity(). ActivityHandler.run()
   * gets there too, through its checks, the onTurn() handlers (this bot
   * registers none) and the switch on the activity type: eight nested async
   * steps, about 4 % of an answer's server CPU. Every other activity, and
   * any message once an onTurn() handler is registered, takes that way.
   */
  async run(context: TurnContext): Promise<void> {
    if (!this.turnHandlers && context?.activity?.type === ActivityTypes.Message) {
      await this.onMessageActivity(context);
      return;
    }
    await super.run(context);
  }

  /**
   * Messages: overridden rather than registered with onMessage(), which runs
   * every message through two more handler chains (Message, then Dialog) that
   * this bot never uses; that machinery cost more than a search.
   */
  protected async onMessageActivity(context: TurnContext): Promise<void> {
    this.noteTeam(context);
    const value = context.activity.value;
    const turn = this.turnOf(context);
    const reply = value && typeof value === 'object' && !Array.isArray(value) && 'action' in value
      ? await this.conversation.answerCardAction(value, context.activity.locale, turn)
      : await this.conversation.answerText(questionText(context), context.activity.locale, turn);
    if (this.deps.logger.isLevelEnabled('debug')) this.deps.logger.debug({ intent: reply.intent, items: reply.itemRefs.slice(0, 5), locale: reply.locale }, 'answered');
    await context.sendActivity({ attachments: reply.cards.map(adaptive) });
  }

  private noteTeam(context: TurnContext): void {
    const data = context.activity.channelData as { team?: { id?: string }; tenant?: { id?: string } } | undefined;
    if (data?.team?.id && this.deps.onTeamSeen) {
      this.deps.onTeamSeen({ tenantId: data.tenant?.id, teamId: data.team.id, serviceUrl: context.activity.serviceUrl });
    }
  }

  /** In a channel, answers also show the channel's self-assessment of the item. */
  private turnOf(context: TurnContext): AnswerTurn {
    const data = context.activity.channelData as { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } } | undefined;
    const read = this.deps.channelState;
    if (!read || !data?.team?.id || !data.channel?.id) return {};
    const where: ChannelWhere = { tenantId: data.tenant?.id, teamId: data.team.id, channelId: data.channel.id };
    return {
      channelState: (edition, item) => read(where, edition, item).catch((err) => {
        this.deps.logger.warn({ err }, 'could not read the channel status');
        return undefined;
      }),
    };
  }

  // ---- Message extension: search from the compose box -------------------

  protected async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    if (query?.commandId !== SEARCH_COMMAND_ID) return message(STRINGS[localeFromTag(context.activity.locale)].extensionUnknownCommand);
    const q = parseComposeQuery(query);
    const locale = q.text ? questionLocale(q.text, context.activity.locale) : localeFromTag(context.activity.locale);
    if (q.text.length > MAX_EXTENSION_QUERY_LENGTH) return message(STRINGS[locale].extensionQueryTooLong(MAX_EXTENSION_QUERY_LENGTH));
    const page = searchForExtension(this.deps.library, this.deps.services, q);
    if (page.results.length === 0 && q.skip === 0) return message(STRINGS[locale].extensionNoResults(q.text.slice(0, 50)));
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: page.results.map(({ edition, item }) => ({
          ...adaptive(this.shareCard(edition, item, locale, 'searchResult')),
          preview: createPreviewCard(this.deps.library, edition, item, locale, { id: this.deps.library.refOf(edition, item), locale }),
        })),
      },
    };
  }

  protected async handleTeamsMessagingExtensionSelectItem(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    const v = (value ?? {}) as { id?: unknown; locale?: unknown };
    const locale: Locale = v.locale === 'en' || v.locale === 'ja' ? v.locale : localeFromTag(context.activity.locale);
    const found = typeof v.id === 'string' ? this.deps.library.resolveRef(v.id) : undefined;
    if (!found) return message(STRINGS[locale].extensionUnknownLink);
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [adaptive(this.shareCard(found.edition, found.item, locale, 'searchResult'))] } };
  }

  // ---- Link unfurling -----------------------------------------------------

  protected async handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    const locale = localeFromTag(context.activity.locale);
    const url = typeof query?.url === 'string' ? query.url.slice(0, 2048) : '';
    const found = itemFromLink(this.deps.library, url, this.deps.unfurlHosts ?? []);
    if (!found) return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: [{ ...adaptive(this.shareCard(found.edition, found.item, locale, 'linkUnfurl')), preview: createPreviewCard(this.deps.library, found.edition, found.item, locale) }],
      },
    };
  }

  /**
   * A self-contained card (no button that needs the bot, which may not be in
   * that chat), declaring the Adaptive Card version its surface documents.
   */
  private shareCard(edition: Edition, item: Item, locale: Locale, surface: CardSurface): AdaptiveCard {
    return forSurface(createItemCard(item, {
      locale, library: this.deps.library, edition, links: this.deps.links, cache: this.deps.services.cards(edition), standalone: true,
    }), surface);
  }
}
