// Azure resources for one medsec-reference deployment (one hospital, or one
// integrator's tenant):
//
//   - a user-assigned managed identity, attached to the web app: the bot's app
//     registration trusts it through a federated credential, so there is no
//     secret to store or rotate
//   - a Linux App Service plan and web app (Node 24 LTS) serving /api/messages, the tab and the API
//   - an Azure Bot (single tenant) with the Microsoft Teams channel
//
// Two tenants matter, and they need not be the same: the Azure subscription's
// (where these resources live) and the Microsoft 365 tenant whose people use
// Teams (microsoft365TenantId). Who signs in, the allowed tenants and the app
// registrations belong to the second; only the managed identity belongs to the
// first. Hospitals often have the app hosted in an integrator's subscription or
// a separate Azure tenant, so nothing here is derived from subscription().tenantId.
//
// The Entra app registrations (the tab's single sign-on and the bot) are not
// created here: Bicep creates Entra apps only through the Microsoft Graph
// extension, in the tenant of the deployment, which need not be the Microsoft
// 365 tenant. The Agents Toolkit's aadApp/create actions (m365agents.yml)
// create both in the Microsoft 365 tenant; their IDs come in as ssoClientId,
// botAppId and microsoft365TenantId. The bot registration's federated
// credential is added to the bot's app registration after this deployment,
// from the outputs BOT_MANAGED_IDENTITY_PRINCIPAL_ID and
// BOT_MANAGED_IDENTITY_TENANT_ID (docs/deployment.md).
//
// Deployed by `atk provision --env <name>` (parameters from azure.parameters.json),
// or by hand with `az deployment group create` (docs/deployment.md).

@minLength(4)
@maxLength(24)
@description('Name of the web app and the bot (globally unique: lower-case letters, digits and hyphens); other names derive from it.')
param resourceBaseName string

@description('Region of the identity, plan and web app. The bot itself is global.')
param location string = resourceGroup().location

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
@description('App Service plan size. B1 is enough for one hospital; Free (F1) cannot keep the bot always on.')
param webAppSku string = 'B1'

@allowed([
  '22-lts'
  '24-lts'
])
@description('Node.js LTS line of the web app (package.json engines: 22, 24 or 26; App Service offers 22 and 24 as NODE|<n>-lts).')
param nodeVersion string = '24-lts'

@maxLength(42)
@description('Name of the bot shown in Azure.')
param botDisplayName string = 'medsec-reference'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Messages in the Microsoft Teams channel are free on F0.')
param botSku string = 'F0'

@description('The Teams app ID (the manifest "id"), for deep links from cards to the tab.')
param teamsAppId string

@description('The app\'s ID in the organisation\'s app catalogue, once it is published there (atk publish writes it as TEAMS_APP_PUBLISHED_APP_ID). Deep links to the tab name it; empty: the manifest ID, right only for an uploaded (sideloaded) app.')
param teamsCatalogAppId string = ''

@description('Client ID of the Entra app registration the tab\'s SSO tokens are issued for (manifest webApplicationInfo.id).')
param ssoClientId string

@minLength(36)
@maxLength(36)
@description('The Microsoft 365 tenant ID (a GUID) whose users sign in to Teams: the tenant of the SSO and bot app registrations (Entra admin center → the app registration → Overview → Directory (tenant) ID). Not necessarily the tenant of this Azure subscription. Required, without a default: the tenant that hosts Azure resources is often another one, and every user would be refused.')
param microsoft365TenantId string

@description('Microsoft 365 tenants whose users may use the app (the assessments API and the bot), comma-separated tenant IDs. Empty: microsoft365TenantId.')
param allowedTenantIds string = ''

@minLength(36)
@maxLength(36)
@description('Client ID of the bot\'s Entra app registration (single tenant, in microsoft365TenantId). It signs in with a federated credential that trusts this deployment\'s managed identity (or, only where that cannot be used, with botAppPassword).')
param botAppId string

@secure()
@description('Client secret of the bot\'s app registration, only where a federated credential cannot be used. Empty (recommended): the federated credential.')
param botAppPassword string = ''

@secure()
@description('PostgreSQL connection string for the assessments store. Empty: the SQLite file on the instance.')
param databaseUrl string = ''

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

// The Agents Toolkit leaves a `${{VAR}}` placeholder as it is when the variable
// is empty, so an unset optional value arrives as the placeholder itself.
var placeholderStart = '\${{'
// The tenants allowed in are the people's Microsoft 365 tenant, never the
// subscription's or the managed identity's (which may be an integrator's).
var allowedTenants = empty(allowedTenantIds) || startsWith(allowedTenantIds, placeholderStart) ? microsoft365TenantId : allowedTenantIds
var database = startsWith(databaseUrl, placeholderStart) ? '' : databaseUrl
var catalogAppId = startsWith(teamsCatalogAppId, placeholderStart) ? '' : teamsCatalogAppId
var botSecret = startsWith(botAppPassword, placeholderStart) ? '' : botAppPassword
// A single-tenant bot: with the federated credential (the managed identity's
// client ID) or, where that cannot be used, a client secret; never both.
var botCredentialSettings = empty(botSecret) ? {
  BOT_MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
} : {
  MicrosoftAppPassword: botSecret
}
// Without PostgreSQL the SQLite file must live on the persistent /home share,
// not under wwwroot, which a redeploy replaces.
var databaseSettings = empty(database) ? {
  ASSESSMENT_DB_PATH: '/home/data/assessments.sqlite'
} : {
  DATABASE_URL: database
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-bot-identity'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless apart from the assessments store
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      // Not `npm start`: its prestart step would try to rebuild with dev tools that are not installed here.
      appCommandLine: 'node dist/bot/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/api/health'
    }
  }
}

// Every variable of the README's configuration table that a deployment sets.
// App Service passes them to the process as environment variables; PORT is set
// by App Service itself. This resource replaces all app settings on every
// provision, so settings belong here (or in the parameters), not in the portal.
resource appSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union({
    NODE_ENV: 'production'
    LOG_LEVEL: logLevel
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    TEAMS_APP_ID: teamsAppId
    TEAMS_CATALOG_APP_ID: catalogAppId
    MicrosoftAppId: botAppId
    MicrosoftAppType: 'SingleTenant'
    MicrosoftAppTenantId: microsoft365TenantId
    AAD_APP_CLIENT_ID: ssoClientId
    ALLOWED_TENANT_IDS: allowedTenants
    // The deployment zip carries the built server and tab but no node_modules: App
    // Service installs the production dependencies on Linux, where the native
    // module (better-sqlite3) must be built.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev'
  }, botCredentialSettings, databaseSettings)
}

// The bot registration: Teams sends messages and invokes to /api/messages.
// Single tenant, in the Microsoft 365 tenant, as Microsoft recommends for new
// registrations (multi-tenant ones can no longer be created, and a
// user-assigned managed identity as the bot's identity is now called legacy).
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoft365TenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// Written back into env/.env.<name> by the Agents Toolkit (arm/deploy), where the
// app package (appPackage/manifest.json) and the other actions read them.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
// For the bot app registration's federated credential (docs/deployment.md):
// issuer https://login.microsoftonline.com/<BOT_MANAGED_IDENTITY_TENANT_ID>/v2.0,
// subject BOT_MANAGED_IDENTITY_PRINCIPAL_ID, audience api://AzureADTokenExchange.
output BOT_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output BOT_MANAGED_IDENTITY_TENANT_ID string = identity.properties.tenantId
