// Azure resources for one medsec-reference deployment (one hospital, or one
// integrator's tenant):
//
//   - a user-assigned managed identity: the bot's identity, with no secret to store or rotate
//   - a Linux App Service plan and web app (Node 24 LTS) serving /api/messages, the tab and the API
//   - an Azure Bot (single tenant, managed identity) with the Microsoft Teams channel
//
// The Entra app registration for the tab's single sign-on is not created here:
// Bicep creates Entra apps only through the Microsoft Graph extension, so the
// Agents Toolkit's aadApp/create and aadApp/update actions (m365agents.yml,
// infra/aad.manifest.json) create it, and its client ID comes in as ssoClientId.
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

@description('Client ID of the Entra app registration the tab\'s SSO tokens are issued for (manifest webApplicationInfo.id).')
param ssoClientId string

@description('Tenants whose users may use the assessments API, comma-separated. Empty: the tenant of this deployment.')
param allowedTenantIds string = ''

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
var allowedTenants = empty(allowedTenantIds) || startsWith(allowedTenantIds, placeholderStart) ? identity.properties.tenantId : allowedTenantIds
var database = startsWith(databaseUrl, placeholderStart) ? '' : databaseUrl
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
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppTenantId: identity.properties.tenantId
    AAD_APP_CLIENT_ID: ssoClientId
    ALLOWED_TENANT_IDS: allowedTenants
    // The deployment zip carries the built server and tab but no node_modules: App
    // Service installs the production dependencies on Linux, where the native
    // module (better-sqlite3) must be built.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev'
  }, databaseSettings)
}

// The bot registration: Teams sends messages and invokes to /api/messages, and
// the bot authenticates as the managed identity (MicrosoftAppType=UserAssignedMSI).
// New multi-tenant bot registrations are deprecated; this one is single-tenant.
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
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
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
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
