# Deploy role of waraq in staging (account 333333333333), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "waraq_staging" {
  name               = "waraq-delivery"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:example-org/waraq:ref:refs/heads/develop",
              "repo:example-org/waraq:environment:staging"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "waraq_staging" {
  name   = "waraq-delivery"
  role   = aws_iam_role.waraq_staging.id
  policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "EcrLogin",
        "Effect": "Allow",
        "Action": "ecr:GetAuthorizationToken",
        "Resource": "*"
      },
      {
        "Sid": "EcrPush",
        "Effect": "Allow",
        "Action": [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:CreateRepository",
          "ecr:DescribeImages",
          "ecr:DescribeRepositories",
          "ecr:GetDownloadUrlForLayer",
          "ecr:GetLifecyclePolicy",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:PutImageScanningConfiguration",
          "ecr:PutImageTagMutability",
          "ecr:PutLifecyclePolicy",
          "ecr:UploadLayerPart"
        ],
        "Resource": [
          "arn:aws:ecr:eu-central-1:333333333333:repository/waraq/api"
        ]
      },
      {
        "Sid": "SiteBucketList",
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3:::waraq-staging-site"
      },
      {
        "Sid": "SiteObjects",
        "Effect": "Allow",
        "Action": [
          "s3:AbortMultipartUpload",
          "s3:DeleteObject",
          "s3:PutObject"
        ],
        "Resource": "arn:aws:s3:::waraq-staging-site/*"
      },
      {
        "Sid": "SiteInvalidation",
        "Effect": "Allow",
        "Action": [
          "cloudfront:CreateInvalidation",
          "cloudfront:GetDistribution",
          "cloudfront:GetInvalidation"
        ],
        "Resource": "arn:aws:cloudfront::333333333333:distribution/E1WARAQSTAGING"
      }
    ]
  })
}
