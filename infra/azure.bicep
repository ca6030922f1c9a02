// Deskmate in Azure: App Service (Linux, Node 22) running as a user-assigned managed identity,
// an Azure Bot (UserAssignedMSI) with the Teams channel, Cosmos DB for NoSQL reached with Entra ID
// only (no keys), and Application Insights on a Log Analytics workspace.
// Deployed by the Microsoft 365 Agents Toolkit (`arm/deploy` in m365agents.yml) with
// azure.parameters.json; the outputs at the end are written to env/.env.<environment>.
// test/infra/ checks this file with simple text rules, so keep one statement per line.

@minLength(3)
@maxLength(20)
@description('Lowercase letters, digits and hyphens; every resource name is made from it.')
param resourceBaseName string

@description('Azure region of every resource except the bot registration, which is global.')
param location string = resourceGroup().location

@maxLength(42)
@description('The bot name shown in the Azure portal.')
param botDisplayName string = 'Deskmate'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier: F0 is free (Teams is a standard channel, unlimited messages).')
param botSku string = 'F0'

@allowed([
  'F1'
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
@description('App Service plan tier. F1 (free) has no Always On, so the bot sleeps when idle; B1 or more for real use.')
param webAppSku string = 'B1'

@description('true: Cosmos DB serverless (pay per request). false: provisioned, autoscale throughput shared by the database.')
param cosmosServerless bool = true

@minValue(1000)
@description('Provisioned only: the autoscale maximum RU/s shared by all containers (it scales down to a tenth of this).')
param cosmosAutoscaleMaxThroughput int = 1000

@description('The Cosmos DB database the bot uses (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'deskmate'

@description('Comma-separated tenant GUIDs whose activities the bot accepts (ALLOWED_TENANTS). Empty: only the tenant of this deployment.')
param allowedTenants string = ''

@description('Comma-separated Entra object ids of the people who are admins from the first start (FIRST_ADMINS); they set up everyone else. Only people with no record yet are added.')
param firstAdmins string = ''

@description('Knowledge base folder inside the deployed app (KB_DIR).')
param kbDir string = './kb'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
@description('How much the bot logs (LOG_LEVEL); the logs go to Log Analytics.')
param logLevel string = 'info'

var baseName = toLower(resourceBaseName)
var uniqueSuffix = uniqueString(resourceGroup().id, baseName)
var webAppName = '${baseName}-${uniqueSuffix}'
var cosmosAccountName = 'cosmos-${baseName}-${uniqueSuffix}'
var botName = 'bot-${baseName}-${uniqueSuffix}'

// Built-in "Cosmos DB Built-in Data Contributor": read and write items, read metadata.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Every container of src/store/containers.ts with its partition key path (test/infra checks they match).
var containerPartitionKeys = {
  accounts: '/id'
  lookups: '/key'
  notes: '/accountId'
  tasks: '/accountId'
  escalations: '/accountId'
  people: '/id'
  locations: '/id'
  conversations: '/id'
  kbfeedback: '/day'
  botstate: '/id'
  quickresponses: '/id'
  kbentries: '/id'
}

// The one identity: the bot signs in to the Bot Framework with it and the app reads Cosmos DB with it.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: cosmosServerless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
    options: cosmosServerless ? {} : {
      autoscaleSettings: {
        maxThroughput: cosmosAutoscaleMaxThroughput
      }
    }
  }
}

// The app cannot create containers itself: with Entra ID, creating one is a control-plane operation.
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for container in items(containerPartitionKeys): {
  parent: database
  name: container.key
  properties: {
    resource: {
      id: container.key
      partitionKey: {
        paths: [
          container.value
        ]
        kind: 'Hash'
        version: 2
      }
    }
  }
}]

// Data-plane RBAC: the identity reads and writes documents; no account key exists (disableLocalAuth).
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${baseName}'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
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
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'npm start'
      alwaysOn: webAppSku != 'F1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appSettings: [
        {
          name: 'BOT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'ALLOWED_TENANTS'
          value: empty(allowedTenants) ? identity.properties.tenantId : allowedTenants
        }
        {
          name: 'FIRST_ADMINS'
          value: firstAdmins
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmos.properties.documentEndpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: database.name
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'KB_DIR'
          value: kbDir
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
      ]
    }
  }
  dependsOn: [
    containers
    cosmosDataContributor
  ]
}

// Deployments use Entra ID tokens (the Agents Toolkit does), so publishing passwords are turned off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// The bot's console output (pino JSON lines), HTTP and platform logs go to the workspace.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
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
    }
  }
}

// Written to env/.env.<environment> by the toolkit: the manifest uses BOT_ID and BOT_DOMAIN,
// the deploy step uses BOT_AZURE_APP_SERVICE_RESOURCE_ID.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_BOT_RESOURCE_ID string = bot.id
output AZURE_IDENTITY_RESOURCE_ID string = identity.id
output AZURE_COSMOS_ACCOUNT_RESOURCE_ID string = cosmos.id
output AZURE_COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
output AZURE_APP_INSIGHTS_RESOURCE_ID string = appInsights.id
