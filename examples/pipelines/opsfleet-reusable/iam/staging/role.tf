# Deploy role of opsfleet in staging (account 555555555555), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "opsfleet_staging" {
  name               = "opsfleet-delivery"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::555555555555:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:example-org/opsfleet:ref:refs/heads/develop",
              "repo:example-org/opsfleet:environment:staging"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "opsfleet_staging" {
  name   = "opsfleet-delivery"
  role   = aws_iam_role.opsfleet_staging.id
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
          "arn:aws:ecr:us-west-2:555555555555:repository/opsfleet/staging/api"
        ]
      },
      {
        "Sid": "EksClusters",
        "Effect": "Allow",
        "Action": "eks:DescribeCluster",
        "Resource": [
          "arn:aws:eks:us-west-2:555555555555:cluster/opsfleet-staging"
        ]
      },
      {
        "Sid": "SiteBucketList",
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3:::opsfleet-staging-spa"
      },
      {
        "Sid": "SiteObjects",
        "Effect": "Allow",
        "Action": [
          "s3:AbortMultipartUpload",
          "s3:DeleteObject",
          "s3:PutObject"
        ],
        "Resource": "arn:aws:s3:::opsfleet-staging-spa/*"
      },
      {
        "Sid": "SiteInvalidation",
        "Effect": "Allow",
        "Action": [
          "cloudfront:CreateInvalidation",
          "cloudfront:GetDistribution",
          "cloudfront:GetInvalidation"
        ],
        "Resource": "arn:aws:cloudfront::555555555555:distribution/E3OPSFLEETSTG"
      }
    ]
  })
}
